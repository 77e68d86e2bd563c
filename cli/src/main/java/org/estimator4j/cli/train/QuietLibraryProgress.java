package org.estimator4j.cli.train;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.TrainAndEvaluate;

/**
 * While {@code e4j train}'s console reports progress and evaluations, the estimators' own INFO lines saying the same
 * ({@code step 100: loss ...}, {@code evaluation at step ...}) are left out, so each report appears once; warnings
 * still show. The levels are put back at the end.
 */
final class QuietLibraryProgress implements AutoCloseable {
    private static final List<String> LOGGERS = List.of(ModelEstimator.class.getName(),
            TrainAndEvaluate.class.getName());

    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one would lose its level. */
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();

    private QuietLibraryProgress() {
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            loggers.add(logger);
            previous.add(logger.getLevel());
            logger.setLevel(Level.WARNING);
        }
    }

    static QuietLibraryProgress start() {
        return new QuietLibraryProgress();
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).setLevel(previous.get(i));
        }
    }
}
