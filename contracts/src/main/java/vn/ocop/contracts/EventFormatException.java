package vn.ocop.contracts;

/**
 * An event body could not be read (malformed JSON, wrong types, an unknown enum value…) or written.
 * The message states the reason and, where known, the JSON path of the offending field.
 */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
