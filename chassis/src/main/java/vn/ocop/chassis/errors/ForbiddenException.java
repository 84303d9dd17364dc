package vn.ocop.chassis.errors;

/** The caller is known but may not do this (another locality's dossier, a role it lacks). Answered with 403. */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String code, Object... arguments) {
        super(code, arguments);
    }
}
