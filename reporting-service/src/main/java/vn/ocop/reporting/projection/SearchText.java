package vn.ocop.reporting.projection;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Diacritics-insensitive search form of Vietnamese text: NFD, combining marks removed, đ → d, lower case,
 * spaces collapsed ("Lạp xưởng bò" → "lap xuong bo"). Stored beside the text and queried with an escaped regex,
 * because collations and {@code $text} do not work the same on the embedded server and on MongoDB.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** A regular expression matching the normalized query literally (every metacharacter escaped). */
    public static String containsRegex(String query) {
        String normalized = normalize(query);
        StringBuilder regex = new StringBuilder(normalized.length() * 2);
        for (char c : normalized.toCharArray()) {
            if ("\\^$.|?*+()[]{}/-".indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
        return regex.toString();
    }
}
