package org.estimator4j.api.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.table.LongColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputFnTest {
    @TempDir
    Path dir;

    private CsvOptions options() throws IOException {
        StringBuilder sb = new StringBuilder("x,label\n");
        for (int i = 0; i < 100; i++) {
            sb.append(i).append(',').append(i % 2).append('\n');
        }
        Path p = dir.resolve("d.csv");
        Files.writeString(p, sb);
        return CsvOptions.builder().file(p).labelColumns("label").build();
    }

    private static List<Long> xs(List<LabeledBatch> batches) {
        List<Long> out = new ArrayList<>();
        for (LabeledBatch b : batches) {
            LongColumn x = b.features().longColumn("x");
            for (int r = 0; r < b.numRows(); r++) {
                out.add(x.values()[r]);
            }
        }
        return out;
    }

    @Test
    void trainShufflesRepeatsAndSplitsLabels() throws IOException {
        InputFn fn = CsvInputFn.builder(options())
                .batchSize(32)
                .shuffleBuffer(1000)
                .seed(7)
                .epochs(2)
                .build();
        List<LabeledBatch> batches = fn.apply(Mode.TRAIN).toList();
        List<Long> xs = xs(batches);
        assertEquals(200, xs.size());
        assertEquals(List.of("x"), batches.get(0).features().schema().names());
        assertEquals(List.of("label"), batches.get(0).labels().schema().names());
        List<Long> first = xs.subList(0, 100);
        List<Long> second = xs.subList(100, 200);
        assertNotEquals(first, second, "each epoch gets its own order");
        assertEquals(new java.util.TreeSet<>(first), new java.util.TreeSet<>(second));
        assertEquals(xs, xs(fn.apply(Mode.TRAIN).toList()), "the same seed gives the same run");
    }

    @Test
    void evalReadsOnceInOrderAndPredictHasNoLabels() throws IOException {
        CsvInputFn fn = CsvInputFn.builder(options()).batchSize(30).build();
        List<Long> eval = xs(fn.apply(Mode.EVAL).toList());
        assertEquals(100, eval.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, eval.get(i));
        }
        LabeledBatch predict = fn.apply(Mode.PREDICT).toList().get(0);
        assertEquals(0, predict.labels().schema().size());
        assertTrue(!predict.features().schema().contains("label"));
        assertEquals(30, predict.numRows());
    }
}
