package vn.ocop.chassis.errors;

import java.util.List;

/** One thing wrong with the input, named by its field path, e.g. {@code documents[BUSINESS_PLAN]}. */
public record FieldViolation(String field, String code, List<Object> arguments) {

    public static FieldViolation of(String field, String code, Object... arguments) {
        return new FieldViolation(field, code, List.of(arguments));
    }
}
