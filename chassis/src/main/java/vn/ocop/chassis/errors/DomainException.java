package vn.ocop.chassis.errors;

import java.util.List;

/**
 * A refusal by the domain, carrying a message code (looked up in the Vietnamese and English problem bundles)
 * and its arguments. Plain Java so that domain code can throw it without depending on a framework.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final List<Object> arguments;

    protected DomainException(String code, Object... arguments) {
        super(code + (arguments.length == 0 ? "" : " " + List.of(arguments)));
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
