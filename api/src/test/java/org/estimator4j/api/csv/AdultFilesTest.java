package org.estimator4j.api.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.StringColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real UCI Adult files from ../shared/data/adult; skipped where that folder is absent. */
class AdultFilesTest {
    private static final List<String> COLUMNS = List.of(
            "age",
            "workclass",
            "fnlwgt",
            "education",
            "education_num",
            "marital_status",
            "occupation",
            "relationship",
            "race",
            "gender",
            "capital_gain",
            "capital_loss",
            "hours_per_week",
            "native_country",
            "income_bracket");

    private static Path adult(String name) {
        // Maven runs tests in the module folder; the shared folder sits beside the repository root.
        Path p = Path.of("")
                .toAbsolutePath()
                .getParent()
                .getParent()
                .resolve("shared/data/adult")
                .resolve(name);
        assumeTrue(Files.isRegularFile(p), "no " + p + ": the shared data folder is absent, skipping");
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void readsTheOriginalAdultDataWithItsQuirks(int threads) {
        CsvOptions options = CsvOptions.builder()
                .file(adult("adult.data"))
                .header(false)
                .columnNames(COLUMNS)
                .trimWhitespace(true)
                .naTokens("?")
                .labelColumns("income_bracket")
                .parallelism(threads)
                .build();
        long[] labels = new long[2];
        long missingWorkclass = 0;
        long rows = 0;
        for (Batch b : Dataset.fromCsv(options).batch(1000, false, Batch::of)) {
            StringColumn label = b.stringColumn("income_bracket");
            StringColumn workclass = b.stringColumn("workclass");
            for (int r = 0; r < b.numRows(); r++) {
                labels[label.values()[r].equals(">50K") ? 1 : 0]++;
                missingWorkclass += workclass.isMissing(r) ? 1 : 0;
            }
            rows += b.numRows();
        }
        // PROVENANCE.txt: 32561 rows, <=50K 24720 / >50K 7841.
        assertEquals(32_561, rows);
        assertEquals(24_720, labels[0]);
        assertEquals(7_841, labels[1]);
        assertEquals(1_836, missingWorkclass);
    }

    @Test
    void readsTheTestFileAfterItsTitleLine() {
        CsvOptions options = CsvOptions.builder()
                .file(adult("adult.test"))
                .skipLines(1)
                .header(false)
                .columnNames(COLUMNS)
                .trimWhitespace(true)
                .naTokens("?")
                .build();
        List<Example> rows = Dataset.fromCsv(options).toList();
        assertEquals(16_281, rows.size());
        assertEquals(DType.INT64, rows.get(0).schema().field("age").dtype());
        assertEquals(25L, rows.get(0).getLong("age"));
        assertEquals("<=50K.", rows.get(0).getString("income_bracket"));
    }

    @Test
    void readsTheCleanedCsvWithAHeader() {
        CsvOptions options = CsvOptions.builder().file(adult("adult_train.csv")).build();
        Dataset<Example> rows = Dataset.fromCsv(options);
        assertEquals(COLUMNS, rows.toList().get(0).schema().names());
        assertEquals(32_561, rows.count());
    }
}
