package vn.ocop.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * Reads the instants that events carry: the CloudEvents {@code time} header and the body's {@code …At} fields, all
 * written by {@link Instant#toString()} ({@code 2025-07-10T02:30:00Z}, {@code 2025-07-10T02:30:00.123456Z}).
 * <p>
 * Why not just {@link Instant#parse}: a {@code DateTimeFormatter} parse fills a map of fields and resolves it, and
 * on the services' C1-compiled code the three instants of each consumed event (the header, the body, the body's
 * {@code date-time} format check) were a sixth of a projection rebuild's decoding. Only that UTC form takes the
 * short path here; any other text goes to the JDK's parser, so what is accepted, what it means and what is thrown
 * stay exactly as {@link Instant#parse} has them.
 */
public final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int SHORTEST = "2025-07-10T02:30:00Z".length();
    private static final int LONGEST = "2025-07-10T02:30:00.123456789Z".length();
    private static final int[] FRACTION_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {
    }

    /**
     * The same as {@link Instant#parse(CharSequence)}, faster for the UTC form the platform writes.
     *
     * @throws DateTimeParseException as {@link Instant#parse} does
     */
    public static Instant parse(CharSequence text) {
        Instant utc = parseUtc(text);
        return utc != null ? utc : Instant.parse(text);
    }

    /**
     * The instant written exactly as {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}: year 0001–9999, one to nine fraction
     * digits, a real calendar date, hour ≤ 23, minute and second ≤ 59; {@code null} for any other text, which may
     * still be valid in a wider grammar (offsets, leap seconds, lower-case letters, other years).
     */
    static Instant parseUtc(CharSequence text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > SHORTEST) {
            int fractionDigits = length - SHORTEST - 1;
            if (text.charAt(19) != '.' || fractionDigits < 1) {
                return null;
            }
            int fraction = digits(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * FRACTION_SCALE[fractionDigits];
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY
                + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The decimal number in {@code count} ASCII digits from {@code start}, or -1 if any of them is not a digit. */
    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return Month.of(month).length(Year.isLeap(year));
    }
}
