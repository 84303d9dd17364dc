package vn.ocop.chassis.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.tracing.TraceContext;

/**
 * Builds RFC 9457 problem details in the caller's language. Texts come from the service's own
 * {@code problems*.properties} bundle first, then the chassis bundle; Vietnamese is the default language,
 * English is given to callers who ask for it with {@code Accept-Language: en}.
 */
public final class ProblemFactory {

    public static final String TYPE_PREFIX = "urn:ocop:problem:";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    public ProblemFactory() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasenames("problems", "vn/ocop/chassis/problems");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        bundle.setDefaultLocale(VIETNAMESE);
        bundle.setUseCodeAsDefaultMessage(false);
        this.messages = bundle;
    }

    public MessageSource messages() {
        return messages;
    }

    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }

    public ProblemDetail create(HttpStatusCode status, String code, List<Object> arguments, Locale locale) {
        Locale language = supported(locale);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(text("title." + code, arguments, language, text("title.status." + status.value(),
                List.of(), language, "Error " + status.value())));
        problem.setDetail(text(code, arguments, language, null));
        problem.setProperty("code", code);
        String traceparent = org.slf4j.MDC.get(TraceContext.MDC_TRACE_ID);
        if (traceparent != null) {
            problem.setProperty("traceId", traceparent);
        }
        return problem;
    }

    public ProblemDetail withViolations(ProblemDetail problem, List<FieldViolation> violations, Locale locale) {
        Locale language = supported(locale);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldViolation violation : violations) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", violation.field());
            error.put("code", violation.code());
            error.put("message", text(violation.code(), violation.arguments(), language, violation.code()));
            errors.add(error);
        }
        problem.setProperty("errors", errors);
        return problem;
    }

    public String text(String code, List<Object> arguments, Locale locale, String fallback) {
        return messages.getMessage(code, arguments.toArray(), fallback, supported(locale));
    }

    /** The problem as a plain map, for writers outside Spring MVC's message converters (security handlers). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
