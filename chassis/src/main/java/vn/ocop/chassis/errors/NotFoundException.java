package vn.ocop.chassis.errors;

/** The thing asked for does not exist, or the caller may not know that it exists. Answered with 404. */
public class NotFoundException extends DomainException {

    public NotFoundException(String code, Object... arguments) {
        super(code, arguments);
    }
}
