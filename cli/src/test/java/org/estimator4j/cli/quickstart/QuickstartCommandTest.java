package org.estimator4j.cli.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartCommandTest {
    @TempDir
    Path dir;

    @Test
    void wideAndDeepBeatsLinearWhichBeatsTheBaselineAndTheBundleServes() {
        CliRun run = CliRun.e4j("quickstart", "--dir", dir.resolve("qs").toString(), "--rows", "20000");
        assertEquals(0, run.exitCode(), run.err());
        String text = run.out();
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
        return new double[] {
            Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))
        };
    }
}
