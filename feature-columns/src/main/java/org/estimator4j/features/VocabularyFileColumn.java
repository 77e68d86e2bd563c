package org.estimator4j.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.estimator4j.api.table.DType;

/**
 * {@code tf.feature_column.categorical_column_with_vocabulary_file}: the vocabulary is the file's lines (one value per
 * line, the first vocabulary_size of them when set), read when the column is created. The column keeps the file's
 * SHA-256, so a saved column can tell when its file has changed since (a reordered vocabulary would silently move
 * every value to another trained row).
 *
 * <p>The file must be a regular file (not a device such as {@code /dev/zero}, nor a FIFO) of at most
 * {@link #MAX_FILE_BYTES} bytes; it is checked before anything is allocated for it.
 */
public final class VocabularyFileColumn extends KeyedCategoricalColumn {
    /** The largest vocabulary file read: 256 MiB (millions of entries; their strings take several times that). */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private final String vocabularyFile;
    private final Integer vocabularySize;
    private final Vocabulary vocabulary;
    private final String sha256;

    VocabularyFileColumn(
            String key,
            String vocabularyFile,
            Integer vocabularySize,
            DType dtype,
            long defaultValue,
            long numOovBuckets) {
        super(key, dtype);
        this.vocabularyFile = java.util.Objects.requireNonNull(vocabularyFile, "vocabularyFile is null");
        Path path = Path.of(vocabularyFile);
        byte[] bytes = readBounded(key, path);
        this.sha256 = sha256(bytes);
        List<String> lines;
        try {
            lines = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .lines()
                    .toList();
        } catch (CharacterCodingException e) {
            throw new FeatureColumnException(
                    "vocabulary column '" + key + "': vocabulary_file " + path.toAbsolutePath()
                            + " is not UTF-8 text; give a file of one value per line",
                    e);
        }
        if (vocabularySize != null) {
            if (vocabularySize < 1 || vocabularySize > lines.size()) {
                throw new FeatureColumnException("vocabulary column '" + key + "': vocabulary_size " + vocabularySize
                        + " but " + path + " has " + lines.size() + " lines");
            }
            lines = lines.subList(0, vocabularySize);
        }
        this.vocabularySize = vocabularySize;
        this.vocabulary = new Vocabulary(key, lines, dtype, defaultValue, numOovBuckets);
    }

    /**
     * The file's bytes, refused before allocation when the file is not a regular file or is larger than
     * {@link #MAX_FILE_BYTES} (also when it grows past the limit while being read).
     */
    private static byte[] readBounded(String key, Path path) {
        String where = "vocabulary column '" + key + "': vocabulary_file " + path.toAbsolutePath();
        if (!Files.exists(path)) {
            throw new FeatureColumnException(where + " does not exist; check the path");
        }
        if (!Files.isRegularFile(path)) {
            throw new FeatureColumnException(where + " is not a regular file (a device, FIFO or folder); give a text "
                    + "file of one value per line");
        }
        String tooLarge = " is larger than the limit of " + MAX_FILE_BYTES + " bytes for a vocabulary file; use a "
                + "smaller vocabulary (vocabulary_size reads only its first lines, but the file must still fit)";
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new FeatureColumnException(where + " has " + Files.size(path) + " bytes, which" + tooLarge);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new FeatureColumnException(where + tooLarge);
            }
            return bytes;
        } catch (IOException e) {
            throw new FeatureColumnException(where + ": cannot read it (" + e + "); check the path", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }

    public String vocabularyFile() {
        return vocabularyFile;
    }

    /** The SHA-256 (lower-case hex) of the whole file as read when the column was made. */
    public String vocabularySha256() {
        return sha256;
    }

    /**
     * The vocabulary as read from the file when the column was made: strings, or Longs for an int64 column. (Warm
     * starting compares it with another model's to move trained rows to their keys' new ids.)
     */
    public List<Object> vocabularyList() {
        return vocabulary.values();
    }

    /** How many lines were read, or null for the whole file. */
    public Integer vocabularySize() {
        return vocabularySize;
    }

    public long defaultValue() {
        return vocabulary.defaultValue();
    }

    public long numOovBuckets() {
        return vocabulary.numOovBuckets();
    }

    @Override
    public long numBuckets() {
        return vocabulary.numBuckets();
    }

    @Override
    long idOf(String value, long fingerprint) {
        return vocabulary.idOf(value, fingerprint);
    }

    @Override
    long idOf(long value, long fingerprintOfDecimal) {
        return vocabulary.idOf(value, fingerprintOfDecimal);
    }

    @Override
    boolean needsFingerprints() {
        return vocabulary.numOovBuckets() > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VocabularyFileColumn c
                && c.key().equals(key())
                && c.vocabularyFile.equals(vocabularyFile)
                && java.util.Objects.equals(c.vocabularySize, vocabularySize)
                && c.vocabulary.equals(vocabulary);
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + vocabularyFile.hashCode();
    }

    @Override
    public String toString() {
        return "VocabularyFileCategoricalColumn(key=" + key() + ", vocabulary_file=" + vocabularyFile
                + ", vocabulary_size=" + vocabularySize + ", default_value=" + defaultValue() + ", num_oov_buckets="
                + numOovBuckets() + ")";
    }
}
