package org.estimator4j.store;

/** A metric point logged to a run and waiting in its writer's queue. */
record QueuedPoint(String key, double value, long step, long timeMs) implements RunWriter.Command {}
