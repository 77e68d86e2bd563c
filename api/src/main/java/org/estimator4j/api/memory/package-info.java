/**
 * Guards for array sizes that come from configs, column JSON and {@code model.json}: {@link FloatBudget} checks the
 * size of a float array before a model allocates it. One array may take at most a quarter of the JVM's maximum heap and
 * no more than a Java array holds, so an oversized table or layer is refused with a message naming the value instead of
 * ending in {@code OutOfMemoryError}. The package depends on the JDK only; {@code feature-columns}, {@code estimators}
 * and {@code cli} use it wherever a size read from a file decides an allocation.
 */
package org.estimator4j.api.memory;
