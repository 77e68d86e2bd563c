package org.estimator4j.api.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordChunkerTest {
    private static List<RecordChunker.Chunk> chunks(String csv, int size) {
        RecordChunker c = new RecordChunker(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), size, ',', '"', false);
        List<RecordChunker.Chunk> out = new ArrayList<>();
        c.forEachRemaining(out::add);
        return out;
    }

    private static String text(RecordChunker.Chunk c) {
        return new String(c.data(), 0, c.length(), StandardCharsets.UTF_8);
    }

    @Test
    void chunksEndOnlyAtRecordBoundariesNeverInsideQuotes() {
        String csv = "a,\"x\ny\"\nb,\"p\"\"\nq\"\nc,z\n";
        for (int size = 1; size < csv.length() + 2; size++) {
            List<RecordChunker.Chunk> chunks = chunks(csv, size);
            StringBuilder joined = new StringBuilder();
            for (RecordChunker.Chunk c : chunks) {
                String t = text(c);
                assertTrue(t.endsWith("\n"), "chunk '" + t + "' at size " + size);
                assertTrue(
                        t.startsWith("a,") || t.startsWith("b,") || t.startsWith("c,"),
                        "chunk '" + t + "' at size " + size + " starts mid-record");
                joined.append(t);
            }
            assertEquals(csv, joined.toString());
        }
    }

    @Test
    void eachChunkKnowsItsFirstLine() {
        List<RecordChunker.Chunk> chunks = chunks("h\n\"1\n1\"\n2\n3\n4\n", 2);
        assertTrue(chunks.size() >= 3, "small chunks: " + chunks.size());
        long line = 1;
        for (RecordChunker.Chunk c : chunks) {
            assertEquals(line, c.firstLine(), "chunk '" + text(c) + "'");
            line += text(c).chars().filter(ch -> ch == '\n').count();
        }
        assertTrue(chunks.get(0).first());
        assertTrue(chunks.stream().skip(1).noneMatch(RecordChunker.Chunk::first));
    }

    @Test
    void aFinalRecordWithoutNewlineIsKept() {
        List<RecordChunker.Chunk> chunks = chunks("a\nb", 1);
        assertEquals("b", text(chunks.get(chunks.size() - 1)));
    }
}
