package org.estimator4j.bench.features;

import java.util.ArrayList;
import java.util.List;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.NumericColumn;

/**
 * The column set of TensorFlow's wide-and-deep census tutorial: wide (linear) columns are the categorical base
 * columns and two crosses; deep (DNN) columns are the numerics, indicators of the small vocabularies and an
 * 8-dimensional embedding of the hashed occupation.
 */
public final class CensusColumns {
    public final List<FeatureColumn> wide;
    public final List<FeatureColumn> deep;

    public CensusColumns() {
        NumericColumn age = FeatureColumns.numericColumn("age");
        NumericColumn educationNum = FeatureColumns.numericColumn("education_num");
        NumericColumn capitalGain = FeatureColumns.numericColumn("capital_gain");
        NumericColumn capitalLoss = FeatureColumns.numericColumn("capital_loss");
        NumericColumn hoursPerWeek = FeatureColumns.numericColumn("hours_per_week");
        CategoricalColumn education = FeatureColumns.categoricalColumnWithVocabularyList(
                "education",
                List.of(
                        "Bachelors",
                        "HS-grad",
                        "11th",
                        "Masters",
                        "9th",
                        "Some-college",
                        "Assoc-acdm",
                        "Assoc-voc",
                        "7th-8th",
                        "Doctorate",
                        "Prof-school",
                        "5th-6th",
                        "10th",
                        "1st-4th",
                        "Preschool",
                        "12th"));
        CategoricalColumn maritalStatus = FeatureColumns.categoricalColumnWithVocabularyList(
                "marital_status",
                List.of(
                        "Married-civ-spouse",
                        "Divorced",
                        "Married-spouse-absent",
                        "Never-married",
                        "Separated",
                        "Married-AF-spouse",
                        "Widowed"));
        CategoricalColumn relationship = FeatureColumns.categoricalColumnWithVocabularyList(
                "relationship",
                List.of("Husband", "Not-in-family", "Wife", "Own-child", "Unmarried", "Other-relative"));
        CategoricalColumn workclass = FeatureColumns.categoricalColumnWithVocabularyList(
                "workclass",
                List.of(
                        "Self-emp-not-inc",
                        "Private",
                        "State-gov",
                        "Federal-gov",
                        "Local-gov",
                        "?",
                        "Self-emp-inc",
                        "Without-pay",
                        "Never-worked"));
        CategoricalColumn occupation = FeatureColumns.categoricalColumnWithHashBucket("occupation", 1000);
        BucketizedColumn ageBuckets = FeatureColumns.bucketizedColumn(age, 18, 25, 30, 35, 40, 45, 50, 55, 60, 65);

        List<FeatureColumn> w =
                new ArrayList<>(List.of(education, maritalStatus, relationship, workclass, occupation, ageBuckets));
        w.add(FeatureColumns.crossedColumn(List.of("education", "occupation"), 1000));
        w.add(FeatureColumns.crossedColumn(List.of(ageBuckets, "education", "occupation"), 1000));
        this.wide = List.copyOf(w);
        this.deep = List.of(
                age,
                educationNum,
                capitalGain,
                capitalLoss,
                hoursPerWeek,
                FeatureColumns.indicatorColumn(workclass),
                FeatureColumns.indicatorColumn(education),
                FeatureColumns.indicatorColumn(maritalStatus),
                FeatureColumns.indicatorColumn(relationship),
                FeatureColumns.embeddingColumn(occupation, 8));
    }
}
