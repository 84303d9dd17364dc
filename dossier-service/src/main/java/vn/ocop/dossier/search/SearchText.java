package vn.ocop.dossier.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Diacritics-insensitive search without collation or {@code $text} (neither works on the embedded MongoDB-wire
 * server): names are stored a second time in normalized form and queried with an escaped regex.
 */
public final class SearchText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    /** NFD, combining marks removed, đ/Đ → d, lower case, runs of white space collapsed. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** A regex matching the normalized query anywhere, every metacharacter escaped. */
    public static String containsRegex(String query) {
        StringBuilder regex = new StringBuilder();
        for (char c : normalize(query).toCharArray()) {
            if ("\\^$.|?*+()[]{}/-".indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
        return regex.toString();
    }
}
