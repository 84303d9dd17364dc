package vn.ocop.identity.accounts.domain;

import java.security.SecureRandom;

/**
 * Strong temporary passwords: 16 characters (about 90 bits) from letters and digits without the look-alikes
 * 0/O, 1/l/I, with at least one upper-case letter, one lower-case letter and one digit, in groups of four
 * separated by dashes so that they can be read out over the phone ({@code Xk7p-Qr9m-...}).
 */
public final class PasswordGenerator {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String ALL = UPPER + LOWER + DIGITS;
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 4;

    private final SecureRandom random;

    public PasswordGenerator() {
        this(new SecureRandom());
    }

    public PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    public String generate() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int group = 0; group < GROUPS; group++) {
                if (group > 0) {
                    password.append('-');
                }
                for (int i = 0; i < GROUP_LENGTH; i++) {
                    password.append(ALL.charAt(random.nextInt(ALL.length())));
                }
            }
            String candidate = password.toString();
            if (containsAny(candidate, UPPER) && containsAny(candidate, LOWER) && containsAny(candidate, DIGITS)) {
                return candidate;
            }
        }
    }

    private static boolean containsAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
