package vn.ocop.contracts;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.DateTimeFormat;
import com.networknt.schema.format.Format;

/**
 * The JSON Schema {@code date-time} format (RFC 3339) as the validator's own {@link DateTimeFormat} checks it, with
 * the UTC form every producer here writes ({@link java.time.Instant#toString()}) accepted without its formatter parse: see
 * {@link IsoInstants}. Text in that form is always a valid RFC 3339 date-time; any other text is judged by
 * {@link DateTimeFormat} itself.
 */
final class UtcFirstDateTimeFormat implements Format {

    private final DateTimeFormat standard = new DateTimeFormat();

    @Override
    public String getName() {
        return standard.getName();
    }

    @Override
    public String getMessageKey() {
        return standard.getMessageKey();
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return IsoInstants.parseUtc(value) != null || standard.matches(executionContext, value);
    }
}
