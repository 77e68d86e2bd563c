package org.estimator4j.store.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Page tokens are offsets: {@code base64url("1:" + offset + ":" + fingerprint)}, where the fingerprint is a hash of
 * the filter, sort keys, experiments and lifecycle. Offsets work with any sort order (keyset paging would need every
 * sort key to be non-null and unique); the price is that runs recorded between two pages shift later pages. The
 * fingerprint makes a token from one search fail loudly in another instead of silently skipping runs.
 */
final class PageToken {
    private static final String VERSION = "1";

    private PageToken() {}

    static String encode(long offset, String fingerprint) {
        String raw = VERSION + ":" + offset + ":" + fingerprint;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token stands for; rejects tokens of other searches and tokens that were never issued. */
    static long decode(String token, String fingerprint) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        String[] parts = raw.split(":", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw invalid(token);
        }
        long offset;
        try {
            offset = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw invalid(token);
        }
        if (offset < 0) {
            throw invalid(token);
        }
        if (!parts[2].equals(fingerprint)) {
            throw new IllegalArgumentException("the page token '" + token + "' belongs to another search (other"
                    + " filter, sort keys or experiments); repeat the search it came from, or start again without"
                    + " a page token");
        }
        return offset;
    }

    static String fingerprint(String canonicalQuery) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalQuery.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static IllegalArgumentException invalid(String token) {
        return new IllegalArgumentException(
                "'" + token + "' is not a page token; pass the token a previous page of" + " the same search printed");
    }
}
