package vn.ocop.gateway.edge;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;

/** Every error raised in the gateway itself, as problem+json (Boot's default handler would answer its own JSON). */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);
    private final Problems problems;

    public ProblemErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ServerWebInputException) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "gateway.bad-request");
        }
        if (error instanceof ResponseStatusException status) {
            return byStatus(exchange, status.getStatusCode());
        }
        if (error instanceof TimeoutException) {
            return byStatus(exchange, HttpStatus.GATEWAY_TIMEOUT);
        }
        if (error instanceof ConnectException || error.getCause() instanceof ConnectException) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, FallbackController.RETRY_AFTER_SECONDS);
            return problems.write(exchange, HttpStatus.BAD_GATEWAY, "gateway.bad-gateway");
        }
        log.error("Unexpected gateway error on {}", exchange.getRequest().getPath(), error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "gateway.error");
    }

    private Mono<Void> byStatus(ServerWebExchange exchange, HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> problems.write(exchange, status, "gateway.no-route");
            case 413 -> problems.write(exchange, status, "gateway.too-large", "?", "?");
            case 502 -> problems.write(exchange, status, "gateway.bad-gateway");
            case 503 -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, FallbackController.RETRY_AFTER_SECONDS);
                yield problems.write(exchange, status, "gateway.service-unavailable", "?");
            }
            case 504 -> problems.write(exchange, status, "gateway.timeout", "?");
            default -> problems.write(exchange, status, status.is4xxClientError() ? "gateway.bad-request" : "gateway.error");
        };
    }
}
