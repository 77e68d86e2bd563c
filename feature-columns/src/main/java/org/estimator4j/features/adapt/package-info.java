/**
 * Learning feature columns' state from data in one streaming pass, like the {@code adapt} of Keras' preprocessing
 * layers: {@link FeatureColumnAdapter} learns the vocabularies of learned vocabulary columns, the statistics of learned
 * normalizers and quantile bucket boundaries, and returns new columns holding them, and {@link QuantileSketch} is the
 * mergeable KLL sketch behind the quantiles. Columns with nothing to learn come back unchanged. The package depends on
 * {@code org.estimator4j.features}, {@code features.transform}, {@code api.data} and {@code api.table}; {@code cli}
 * uses it before training, and it never depends on {@code estimators}.
 */
package org.estimator4j.features.adapt;
