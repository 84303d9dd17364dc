package vn.ocop.dossier.documents;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import vn.ocop.chassis.web.ProblemFactory;

/** 413 and 415 answers of the document endpoints, as problem details in the caller's language. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

    static final class TooLarge extends RuntimeException {
        final String code;
        final List<Object> arguments;

        TooLarge(String code, Object... arguments) {
            super(code);
            this.code = code;
            this.arguments = List.of(arguments);
        }
    }

    static final class UnsupportedType extends RuntimeException {
        final String filename;

        UnsupportedType(String filename) {
            super("document.type-not-allowed");
            this.filename = filename;
        }
    }

    private final ProblemFactory problems;

    DocumentProblems(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLarge e, Locale locale) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problems.create(HttpStatus.CONTENT_TOO_LARGE, e.code, e.arguments, locale));
    }

    /** Not an ErrorResponseException, so the chassis would answer 500; it is the caller's mistake (400). */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, Locale locale) {
        return ResponseEntity.badRequest().body(problems.create(HttpStatus.BAD_REQUEST, "request.missing-parameter",
                List.of(e.getRequestPartName()), locale));
    }

    @ExceptionHandler(UnsupportedType.class)
    ResponseEntity<ProblemDetail> unsupported(UnsupportedType e, Locale locale) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problems.create(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document.type-not-allowed", List.of(e.filename), locale));
    }
}
