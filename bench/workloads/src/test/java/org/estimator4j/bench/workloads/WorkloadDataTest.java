package org.estimator4j.bench.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadDataTest {
    @TempDir
    Path dir;

    @Test
    void aFileReadsBackAsWritten() throws IOException {
        for (Workload w : Workload.values()) {
            WorkloadData data = DataGenerator.generate(w, 300, 7);
            data.write(WorkloadData.file(dir, w));
            WorkloadData back = WorkloadData.read(WorkloadData.file(dir, w));
            assertEquals(w, back.workload());
            assertEquals(300, back.rows());
            assertArrayEquals(data.dense(), back.dense());
            assertArrayEquals(data.ids(), back.ids());
            assertArrayEquals(data.labels(), back.labels());
        }
    }

    @Test
    void generationIsSeededAndIdsStayInTheirColumnsRange() {
        for (Workload w : Workload.values()) {
            WorkloadData a = DataGenerator.generate(w, 2000, 42);
            assertArrayEquals(a.ids(), DataGenerator.generate(w, 2000, 42).ids());
            assertArrayEquals(a.labels(), DataGenerator.generate(w, 2000, 42).labels());
            for (int r = 0; r < a.rows(); r++) {
                for (int c = 0; c < w.idColumns.size(); c++) {
                    int id = a.id(r, c);
                    assertTrue(id >= 0 && id < w.idColumns.get(c).cardinality(), w + " " + c + ": " + id);
                }
            }
            double positives = 0;
            for (float label : a.labels()) {
                positives += label;
            }
            assertTrue(positives > 0.05 * a.rows() && positives < 0.95 * a.rows(), w + ": " + positives);
        }
    }

    @Test
    void anotherFileIsRefusedByName() throws IOException {
        Path file = dir.resolve("mlp.bin");
        Files.writeString(file, "not data");
        IOException e = assertThrows(IOException.class, () -> WorkloadData.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void flopsCountTheDeepPartsProducts() {
        assertEquals(2L * (100 * 256 + 256 * 128 + 128), Workload.MLP.inferenceFlopsPerExample());
        // No input gradient below the first layer: its inputs are features, not parameters.
        assertEquals(
                3 * Workload.MLP.inferenceFlopsPerExample() - 2L * 100 * 256, Workload.MLP.trainingFlopsPerExample());
        // Wide & deep's occupation embedding sits below the first layer, which then needs its input gradient.
        assertEquals(3 * Workload.WIDE_DEEP.inferenceFlopsPerExample(), Workload.WIDE_DEEP.trainingFlopsPerExample());
        assertEquals(0, Workload.SPARSE_LINEAR.inferenceFlopsPerExample());
        assertEquals(5 + 9 + 16 + 7 + 6 + 8, Workload.WIDE_DEEP.deepInputWidth());
    }
}
