package org.estimator4j.cli.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.estimator4j.cli.E4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QuickstartCommandTest {
    @TempDir
    Path dir;

    @Test
    void wideAndDeepBeatsLinearWhichBeatsTheBaselineAndTheBundleServes() {
        CommandLine cmd = E4j.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("quickstart", "--dir", dir.resolve("qs").toString(), "--rows", "20000");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        double[] baseline = metrics(text, "baseline \\(the prior\\)");
        double[] linear = metrics(text, "linear \\+ crosses");
        assertTrue(linear[0] > baseline[0] + 0.02, "accuracy: " + text);
        assertTrue(linear[1] > 0.8, "auc: " + text);
        // The generated data has an age × hours interaction only the deep part can express.
        double[] wideDeep = metrics(text, "wide & deep");
        assertTrue(wideDeep[0] > linear[0] + 0.005, "accuracy: " + text);
        assertTrue(wideDeep[1] > linear[1] + 0.01, "auc: " + text);
        assertTrue(text.contains("trained a DNNLinearCombinedClassifier"), text);
        assertTrue(Files.isRegularFile(dir.resolve("qs/feature-columns.json")));
        assertTrue(text.contains("served one prediction from it: P(>50K) = "), text);
    }

    private static double[] metrics(String text, String row) {
        Matcher m = Pattern.compile(row + " +([0-9.]+) +([0-9.]+) +([0-9.]+)").matcher(text);
        assertTrue(m.find(), row + " in\n" + text);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3))};
    }
}
