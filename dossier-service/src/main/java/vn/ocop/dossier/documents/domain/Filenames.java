package vn.ocop.dossier.documents.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Safe file names: no paths, no control or bidi-format characters, Vietnamese letters kept. */
public final class Filenames {

    public static final String FALLBACK = "tai-lieu";
    private static final int MAX_LENGTH = 200;
    private static final String ATTR_CHAR_EXTRAS = "!#$&+-.^_`|~";

    private Filenames() {
    }

    public static String sanitize(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                return;
            }
            clean.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
        });
        String result = clean.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (result.length() > MAX_LENGTH) {
            String extension = extension(result).map(e -> "." + e).orElse("");
            result = result.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return result.isEmpty() ? FALLBACK : result;
    }

    public static Optional<String> extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot <= 0 || dot == filename.length() - 1 ? Optional.empty()
                : Optional.of(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** RFC 6266 / RFC 8187: an ASCII fallback {@code filename} plus the exact name in {@code filename*}. */
    public static String attachmentDisposition(String filename) {
        String ascii = Normalizer.normalize(filename, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D').replaceAll("[^A-Za-z0-9._ ()-]", "_");
        StringBuilder encoded = new StringBuilder();
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ATTR_CHAR_EXTRAS.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
