package vn.ocop.chassis.errors;

import java.util.List;

/**
 * Input that is well formed but does not satisfy the rules, with every problem listed at once so the user
 * can fix them all in one go. Answered with 422 and the violations as field errors.
 */
public class InvalidInputException extends DomainException {

    private final List<FieldViolation> violations;

    public InvalidInputException(String code, List<FieldViolation> violations) {
        super(code);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
