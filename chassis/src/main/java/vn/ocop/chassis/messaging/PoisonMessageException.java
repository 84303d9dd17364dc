package vn.ocop.chassis.messaging;

/** A record that can never be processed as it is (malformed headers, bad JSON, a body failing its schema). */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
