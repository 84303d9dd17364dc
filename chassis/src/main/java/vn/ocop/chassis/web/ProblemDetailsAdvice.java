package vn.ocop.chassis.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.DomainException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;

/**
 * Turns every error into {@code application/problem+json} in the caller's language. Bad input is always a
 * 4xx with the offending fields; infrastructure outages are a 503 with {@code Retry-After}; only a genuine
 * defect is a 500, without internals in the body.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemFactory problems;

    public ProblemDetailsAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, Locale locale) {
        ProblemDetail problem = problems.create(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.arguments(), locale);
        return respond(problems.withViolations(problem, e.violations(), locale));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, Locale locale) {
        return domain(HttpStatus.NOT_FOUND, e, locale);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, Locale locale) {
        return domain(HttpStatus.CONFLICT, e, locale);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e, Locale locale) {
        return domain(HttpStatus.FORBIDDEN, e, locale);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, Locale locale) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ObjectError error : e.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
            violations.add(violation(field, error.getCode(), error.getArguments()));
        }
        return badRequest(violations, locale);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, Locale locale) {
        List<FieldViolation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String field = result.getMethodParameter().getParameterName();
            String[] codes = error.getCodes();
            String constraint = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
            violations.add(violation(field, constraint, error.getArguments()));
        }));
        return badRequest(violations, locale);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolations(jakarta.validation.ConstraintViolationException e, Locale locale) {
        List<FieldViolation> violations = new ArrayList<>();
        e.getConstraintViolations().forEach(violation -> {
            String path = violation.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            violations.add(new FieldViolation(field, "validation." + constraint, List.of()));
        });
        return badRequest(violations, locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        return simple(HttpStatus.BAD_REQUEST, "request.unreadable", locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return simple(HttpStatus.BAD_REQUEST, "request.missing-parameter", locale, e.getParameterName());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, Locale locale) {
        return simple(HttpStatus.BAD_REQUEST, "request.missing-parameter", locale, e.getHeaderName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return simple(HttpStatus.BAD_REQUEST, "request.type-mismatch", locale, e.getName(), String.valueOf(e.getValue()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotSupported(HttpRequestMethodNotSupportedException e, Locale locale) {
        return simple(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-supported", locale, e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaTypeNotSupported(HttpMediaTypeNotSupportedException e, Locale locale) {
        return simple(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type-not-supported", locale,
                String.valueOf(e.getContentType()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, Locale locale) {
        return simple(HttpStatus.NOT_ACCEPTABLE, "request.not-acceptable", locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, Locale locale) {
        return simple(HttpStatus.NOT_FOUND, "request.not-found", locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return simple(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", locale);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e, Locale locale) {
        return simple(HttpStatus.BAD_REQUEST, "request.unreadable", locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, Locale locale) {
        return simple(HttpStatus.FORBIDDEN, "auth.forbidden", locale);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, Locale locale) {
        return simple(HttpStatus.UNAUTHORIZED, "auth.unauthenticated", locale);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException e, Locale locale) {
        return simple(HttpStatus.CONFLICT, "state.conflict-version", locale);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, Locale locale) {
        return simple(HttpStatus.CONFLICT, "state.duplicate", locale);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            MongoTimeoutException.class, MongoSocketException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e, Locale locale) {
        log.warn("Answering 503: {}", e.toString());
        ProblemDetail problem = problems.create(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", List.of(), locale);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    /**
     * Spring Data leaves some of the driver's outage signals uncategorised, above all "connection pool paused
     * because another operation failed" (MongoConnectionPoolClearedException), thrown to every request that reaches
     * the pool just after the server went away: still an outage, so a 503 like the others.
     */
    @ExceptionHandler(UncategorizedMongoDbException.class)
    ResponseEntity<ProblemDetail> uncategorizedMongo(UncategorizedMongoDbException e, Locale locale) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoConnectionPoolClearedException || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException) {
                return unavailable(e, locale);
            }
        }
        return defect(e, locale);
    }

    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> frameworkError(ErrorResponseException e, Locale locale) {
        HttpStatusCode status = e.getStatusCode();
        if (status.is5xxServerError()) {
            log.error("Framework error answered with {}", status, e);
        }
        ProblemDetail problem = problems.create(status, "request.status." + status.value(), List.of(), locale);
        problem.setDetail(e.getBody().getDetail());
        return ResponseEntity.status(status).headers(e.getHeaders()).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> defect(Exception e, Locale locale) {
        if (e instanceof org.springframework.web.ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // Spring MVC's own request errors (a missing multipart part, say) that have no handler above.
            HttpStatusCode status = framework.getStatusCode();
            ProblemDetail problem = problems.create(status, "request.status." + status.value(), List.of(), locale);
            problem.setDetail(framework.getBody().getDetail());
            return ResponseEntity.status(status).headers(framework.getHeaders()).body(problem);
        }
        log.error("Unhandled error", e);
        return simple(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", locale);
    }

    private ResponseEntity<ProblemDetail> domain(HttpStatus status, DomainException e, Locale locale) {
        return respond(problems.create(status, e.code(), e.arguments(), locale));
    }

    private ResponseEntity<ProblemDetail> badRequest(List<FieldViolation> violations, Locale locale) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "request.invalid-fields",
                List.of(violations.size()), locale);
        return respond(problems.withViolations(problem, violations, locale));
    }

    private ResponseEntity<ProblemDetail> simple(HttpStatus status, String code, Locale locale, Object... arguments) {
        return respond(problems.create(status, code, List.of(arguments), locale));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /**
     * Bean Validation passes the constraint's attributes sorted by name after the field name itself;
     * {@code @Size} is the one whose natural order (min, max) differs from that (max, min).
     */
    private static FieldViolation violation(String field, String constraint, Object[] rawArguments) {
        List<Object> arguments = new ArrayList<>();
        if (rawArguments != null) {
            Arrays.stream(rawArguments).filter(argument -> !(argument instanceof MessageSourceResolvable))
                    .map(argument -> argument instanceof Number || argument instanceof CharSequence
                            ? argument : String.valueOf(argument))
                    .forEach(arguments::add);
        }
        if ("Size".equals(constraint) && arguments.size() == 2) {
            arguments = List.of(arguments.get(1), arguments.get(0));
        }
        return new FieldViolation(field, "validation." + (constraint == null ? "invalid" : constraint), arguments);
    }
}
