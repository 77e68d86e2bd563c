package org.estimator4j.api.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...?" for component names: the known names within a small edit distance of a mistyped one, or
 * whose last segment shares a prefix with the wanted one's. Names are namespaced ({@code acme.focal_loss}): a name
 * written without a namespace is compared with the last segments too, so {@code focal_los} finds
 * {@code acme.focal_loss}, while a namespace that is there counts in the distance.
 *
 * @since 0.1.0
 */
public final class CloseMatches {
    private static final int MAX_MATCHES = 5;

    private CloseMatches() {}

    /** Up to five names of {@code known} close to {@code name}, closest first. */
    public static List<String> among(String name, Collection<String> known) {
        String wanted = name.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {}
        List<Scored> close = new ArrayList<>();
        boolean qualified = wanted.indexOf('.') >= 0;
        int allowed = Math.max(2, wanted.length() / 3);
        for (String candidate : known) {
            String k = candidate.toLowerCase(Locale.ROOT);
            // A name written with a namespace is compared whole; one without, also with the names' last segments.
            int distance =
                    qualified ? distance(wanted, k) : Math.min(distance(wanted, k), distance(wanted, lastSegment(k)));
            if (distance <= allowed || sharesPrefix(lastSegment(wanted), lastSegment(k))) {
                close.add(new Scored(candidate, distance));
            }
        }
        return close.stream()
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX_MATCHES)
                .map(Scored::name)
                .toList();
    }

    /** At least four leading characters in common, or all of a shorter wanted name. */
    private static boolean sharesPrefix(String wanted, String candidate) {
        int needed = Math.min(4, wanted.length());
        if (needed < 2) {
            return false;
        }
        int common = 0;
        while (common < wanted.length()
                && common < candidate.length()
                && wanted.charAt(common) == candidate.charAt(common)) {
            common++;
        }
        return common >= needed;
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
