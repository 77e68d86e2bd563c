package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.estimator4j.spi.callback.TrainingContext;
import org.junit.jupiter.api.Test;

/** The console against a fake terminal (a writer) and a fake clock: what a user would see, byte for byte. */
class TrainingConsoleTest {
    private static final long MS = 1_000_000L;

    /** A clock the test moves, and a context whose step the test sets. */
    private long now;

    private long step;
    private boolean stopRequested;
    private final TrainingContext context = new TrainingContext() {
        public long globalStep() {
            return step;
        }

        public void requestStop() {
            stopRequested = true;
        }

        public long saveCheckpoint() {
            return step;
        }

        public Path modelDir() {
            return Path.of("model");
        }

        public double learningRateMultiplier() {
            return 1;
        }

        public void setLearningRateMultiplier(double multiplier) {}
    };

    private void steps(TrainingConsole console, int count, long millisEach) {
        for (int i = 0; i < count; i++) {
            now += millisEach * MS;
            step++;
            console.onStepEnd(context, step, Map.of("loss", 0.5));
        }
    }

    @Test
    void onATerminalOneLineIsRedrawnAndOtherLinesGoAboveIt() {
        StringWriter screen = new StringWriter();
        PrintWriter err = new PrintWriter(screen);
        StringWriter stdout = new StringWriter();
        TrainingConsole console = new TrainingConsole(err, true, 100, 10, 40, () -> now, () -> false);
        console.onTrainBegin(context);
        steps(console, 10, 20); // 200 ms: drawn at 100 and 200 ms (steps 5 and 10)
        assertEquals(
                "\rstep 5/40   12%  ETA 0:00:01  500 examples/s  loss 0.5000"
                        + "\rstep 10/40   25%  ETA 0:00:01  500 examples/s  loss 0.5000",
                screen.toString());

        screen.getBuffer().setLength(0);
        console.println(new PrintWriter(stdout), "evaluation at step 10: loss 0.5");
        String blank = " ".repeat("step 10/40   25%  ETA 0:00:01  500 examples/s  loss 0.5000".length());
        assertEquals(
                "\r" + blank + "\r" + "\rstep 10/40   25%  ETA 0:00:01  500 examples/s  loss 0.5000",
                screen.toString(),
                "the live line is erased, then drawn again below the printed line");
        assertEquals("evaluation at step 10: loss 0.5" + System.lineSeparator(), stdout.toString());

        screen.getBuffer().setLength(0);
        steps(console, 30, 1); // 30 ms: too soon to redraw
        assertEquals("", screen.toString());
        console.onTrainEnd(context);
        assertEquals(
                "\rstep 40/40  100%  ETA 0:00:00  1,739 examples/s  loss 0.5000" + System.lineSeparator(),
                screen.toString(),
                "the last step stays on screen, and what follows starts on a new line");
    }

    @Test
    void elsewhereEveryNthStepIsAPlainLineAndTheLastStepToo() {
        StringWriter log = new StringWriter();
        TrainingConsole console = new TrainingConsole(new PrintWriter(log), false, 4, 10, 0, () -> now, () -> false);
        console.onTrainBegin(context);
        steps(console, 10, 100);
        console.onTrainEnd(context);
        assertEquals(
                String.join(
                        System.lineSeparator(),
                        "step 4  100 examples/s  loss 0.5000",
                        "step 8  100 examples/s  loss 0.5000",
                        "step 10  100 examples/s  loss 0.5000",
                        ""),
                log.toString());
        assertFalse(log.toString().contains("\r"));
    }

    @Test
    void ctrlCStopsAtTheNextStep() {
        AtomicBoolean pressed = new AtomicBoolean();
        TrainingConsole console =
                new TrainingConsole(new PrintWriter(new StringWriter()), false, 100, 10, 0, () -> now, pressed::get);
        console.onTrainBegin(context);
        steps(console, 3, 1);
        assertFalse(stopRequested);
        pressed.set(true);
        steps(console, 1, 1);
        assertTrue(stopRequested);
    }
}
