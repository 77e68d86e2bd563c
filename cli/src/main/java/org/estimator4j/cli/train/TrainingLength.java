package org.estimator4j.cli.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.cli.config.ExperimentConfig;

/**
 * The global step {@code e4j train} will stop at, when it can be known before training: {@code train.steps} /
 * {@code max_steps}, or the steps of {@code data.epochs} passes over the train files (rows counted as lines, without
 * parsing: plain files only, not gzip or globs, up to {@value #MAX_COUNTED_BYTES} bytes), whichever ends first. The
 * count is an estimate for the console's percentage and ETA; training itself stops where the data or steps say.
 */
final class TrainingLength {
    static final long MAX_COUNTED_BYTES = 1L << 30;

    private TrainingLength() {}

    /** The step training stops at, from {@code startStep}, or 0 when not known. */
    static long stopStep(ExperimentConfig config, long startStep) {
        Steps steps = config.steps();
        long byStepsSetting = steps.stopAt(startStep);
        long byData = 0;
        if (config.epochs() > 0) {
            long rows = rows(config);
            if (rows > 0) {
                byData = startStep + (rows * config.epochs() + config.batchSize() - 1) / config.batchSize();
            }
        }
        if (byStepsSetting == Long.MAX_VALUE) {
            return byData;
        }
        return byData > 0 ? Math.min(byData, byStepsSetting) : byStepsSetting;
    }

    /** Data rows of the train files, or 0 when they cannot be counted cheaply. */
    private static long rows(ExperimentConfig config) {
        CsvOptions csv;
        try {
            csv = config.trainCsv();
        } catch (RuntimeException e) {
            return 0; // no train files: training says so itself
        }
        if (!csv.globs().isEmpty()) {
            return 0;
        }
        long rows = 0;
        long bytes = 0;
        try {
            for (Path file : csv.files()) {
                if (file.getFileName().toString().endsWith(".gz") || !Files.isRegularFile(file)) {
                    return 0;
                }
                bytes += Files.size(file);
                if (bytes > MAX_COUNTED_BYTES) {
                    return 0;
                }
                rows += Math.max(0, lines(file) - (csv.header() ? 1 : 0) - csv.skipLines());
            }
        } catch (IOException e) {
            return 0;
        }
        return rows;
    }

    /** Line breaks, plus one for a last line without one. */
    private static long lines(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }
}
