package org.estimator4j.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CloseMatchesTest {
    private static final List<String> KNOWN =
            List.of("binary_crossentropy", "mse", "huber", "acme.focal_loss", "acme.squared_hinge", "other.focal_loss");

    @Test
    void typosFindTheNameWithOrWithoutItsNamespace() {
        assertEquals(List.of("acme.focal_loss", "other.focal_loss"), CloseMatches.among("focal_los", KNOWN));
        assertEquals(List.of("acme.focal_loss", "other.focal_loss"), CloseMatches.among("acme.focal_lsos", KNOWN));
        assertEquals(List.of("binary_crossentropy"), CloseMatches.among("binary_crossentrpy", KNOWN));
        assertEquals(List.of("mse"), CloseMatches.among("mae", KNOWN));
    }

    @Test
    void aCommonPrefixIsCloseEvenWhenTheRestDiffers() {
        assertEquals(List.of("acme.squared_hinge"), CloseMatches.among("squared", KNOWN));
        assertEquals(List.of("binary_crossentropy"), CloseMatches.among("binary", KNOWN));
    }

    @Test
    void nothingCloseFindsNothing() {
        assertEquals(List.of(), CloseMatches.among("quantile_regression", KNOWN));
    }

    @Test
    void levenshtein() {
        assertEquals(3, CloseMatches.distance("kitten", "sitting"));
        assertEquals(0, CloseMatches.distance("", ""));
        assertEquals(4, CloseMatches.distance("", "abcd"));
    }
}
