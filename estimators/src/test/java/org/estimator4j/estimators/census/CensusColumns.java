package org.estimator4j.estimators.census;

import java.util.List;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.NumericColumn;

/** The wide (linear) columns of TensorFlow's census tutorial (official/r1/wide_deep/census_dataset.py). */
final class CensusColumns {
    private CensusColumns() {}

    static List<FeatureColumn> wide() {
        NumericColumn age = FeatureColumns.numericColumn("age");
        CategoricalColumn education = FeatureColumns.categoricalColumnWithVocabularyList("education", List.of(
                "Bachelors", "HS-grad", "11th", "Masters", "9th", "Some-college", "Assoc-acdm", "Assoc-voc",
                "7th-8th", "Doctorate", "Prof-school", "5th-6th", "10th", "1st-4th", "Preschool", "12th"));
        CategoricalColumn maritalStatus = FeatureColumns.categoricalColumnWithVocabularyList("marital_status",
                List.of("Married-civ-spouse", "Divorced", "Married-spouse-absent", "Never-married", "Separated",
                        "Married-AF-spouse", "Widowed"));
        CategoricalColumn relationship = FeatureColumns.categoricalColumnWithVocabularyList("relationship",
                List.of("Husband", "Not-in-family", "Wife", "Own-child", "Unmarried", "Other-relative"));
        CategoricalColumn workclass = FeatureColumns.categoricalColumnWithVocabularyList("workclass", List.of(
                "Self-emp-not-inc", "Private", "State-gov", "Federal-gov", "Local-gov", "?", "Self-emp-inc",
                "Without-pay", "Never-worked"));
        CategoricalColumn occupation = FeatureColumns.categoricalColumnWithHashBucket("occupation", 1000);
        BucketizedColumn ageBuckets = FeatureColumns.bucketizedColumn(age, 18, 25, 30, 35, 40, 45, 50, 55, 60, 65);
        return List.of(education, maritalStatus, relationship, workclass, occupation, ageBuckets,
                FeatureColumns.crossedColumn(List.of("education", "occupation"), 1000),
                FeatureColumns.crossedColumn(List.of(ageBuckets, "education", "occupation"), 1000));
    }
}
