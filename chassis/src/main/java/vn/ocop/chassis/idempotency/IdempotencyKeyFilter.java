package vn.ocop.chassis.idempotency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.chassis.web.ProblemFactory;

/**
 * Makes every state-changing call safe to retry (architecture §5.4): the first response to a request with an
 * {@code Idempotency-Key} header is stored, and a retry with the same key (same caller, method and path) gets
 * that response again, marked {@code Idempotent-Replayed: true}, without running the request a second time.
 * The same key with a different request body is refused (422); a retry while the first call still runs gets
 * 409 with {@code Retry-After}. Server errors are not stored, so a request that failed on our side can be
 * retried for real. Multipart bodies (uploads) are fingerprinted by type and length, not read into memory.
 */
public final class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final int MAX_FINGERPRINTED_BODY = 1024 * 1024;

    private final IdempotencyStore store;
    private final ProblemFactory problems;
    private final Clock clock;
    private final Duration retention;
    private final Duration inProgressTimeout;
    private final JsonMapper json = JsonMapper.builder().build();

    public IdempotencyKeyFilter(IdempotencyStore store, ProblemFactory problems, Clock clock, Duration retention,
            Duration inProgressTimeout) {
        this.store = store;
        this.problems = problems;
        this.clock = clock;
        this.retention = retention;
        this.inProgressTimeout = inProgressTimeout;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !STATE_CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            writeProblem(request, response, HttpStatus.BAD_REQUEST, "idempotency.key-invalid", null);
            return;
        }
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
        byte[] body = multipart ? null : readBody(request);
        if (body != null && body.length > MAX_FINGERPRINTED_BODY) {
            body = null;
        }
        HttpServletRequest replayable = body == null ? request : new BufferedRequest(request, body);
        String scope = scope(request, key);
        String fingerprint = fingerprint(request, body);

        Optional<StoredResponse> previous = store.begin(scope, fingerprint, clock.instant(),
                clock.instant().plus(inProgressTimeout), clock.instant().plus(retention));
        if (previous.isPresent()) {
            StoredResponse stored = previous.get();
            if (!stored.fingerprint().equals(fingerprint)) {
                writeProblem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key-reused", null);
            } else if (stored.inProgress()) {
                // Until the first call ends, or — if it died with its process — until its claim expires.
                long seconds = stored.lockedUntil() == null ? 1
                        : Math.max(1, java.time.Duration.between(clock.instant(), stored.lockedUntil()).toSeconds() + 1);
                writeProblem(request, response, HttpStatus.CONFLICT, "idempotency.in-progress",
                        String.valueOf(Math.min(seconds, inProgressTimeout.toSeconds())));
            } else {
                replay(stored, response);
            }
            return;
        }

        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(replayable, recorded);
            completed = recorded.getStatus() < 500;
        } finally {
            if (completed) {
                store.complete(scope, new StoredResponse(fingerprint, false, recorded.getStatus(),
                        recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
                        recorded.getContentAsByteArray(), null));
            } else {
                store.abandon(scope);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static String scope(HttpServletRequest request, String key) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String caller = authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
        return sha256((caller + "\n" + request.getMethod() + "\n" + request.getRequestURI() + "\n" + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        String described = request.getContentType() + "\n" + request.getContentLengthLong() + "\n"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
        byte[] head = described.getBytes(StandardCharsets.UTF_8);
        if (body == null) {
            return sha256(head);
        }
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return sha256(all);
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        request.getInputStream().transferTo(buffer);
        return buffer.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.getOutputStream().write(stored.body());
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String retryAfter) throws IOException {
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? ProblemFactory.VIETNAMESE
                : request.getLocale();
        ProblemDetail problem = problems.create(status, code, List.of(), locale);
        response.setStatus(status.value());
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(ProblemFactory.asMap(problem)));
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }
}
