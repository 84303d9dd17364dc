package vn.ocop.chassis.errors;

/** The request contradicts the current state (an illegal transition, a stale version). Answered with 409. */
public class ConflictException extends DomainException {

    public ConflictException(String code, Object... arguments) {
        super(code, arguments);
    }
}
