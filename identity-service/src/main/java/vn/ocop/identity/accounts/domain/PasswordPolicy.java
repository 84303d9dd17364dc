package vn.ocop.identity.accounts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.ocop.chassis.errors.FieldViolation;

/**
 * What a new password must satisfy: at least {@code minLength} characters (12 by default), at most
 * {@link #MAX_LENGTH} (hashing cost is bounded), and not the username itself (ignoring case).
 */
public record PasswordPolicy(int minLength) {

    public static final int MAX_LENGTH = 128;
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(12);

    public PasswordPolicy {
        if (minLength < 8 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("minimum password length must be between 8 and " + MAX_LENGTH);
        }
    }

    /** Every rule the password breaks, reported on {@code field}; empty when it is acceptable. */
    public List<FieldViolation> check(String rawPassword, String username, String field) {
        List<FieldViolation> violations = new ArrayList<>();
        if (rawPassword == null || rawPassword.isEmpty()) {
            violations.add(FieldViolation.of(field, "password.required"));
            return violations;
        }
        int length = rawPassword.codePointCount(0, rawPassword.length());
        if (length < minLength) {
            violations.add(FieldViolation.of(field, "password.too-short", minLength));
        }
        if (length > MAX_LENGTH) {
            violations.add(FieldViolation.of(field, "password.too-long", MAX_LENGTH));
        }
        if (username != null && !username.isBlank()
                && rawPassword.trim().toLowerCase(Locale.ROOT).equals(username.trim().toLowerCase(Locale.ROOT))) {
            violations.add(FieldViolation.of(field, "password.equals-username"));
        }
        return violations;
    }
}
