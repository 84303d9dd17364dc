package vn.ocop.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses bodies over the path's limit with 413 problem+json: at once when {@code Content-Length} says so,
 * and while streaming for chunked bodies that do not say their length.
 */
@Component
public class RequestSizeFilter implements WebFilter, Ordered {

    private final EdgeProperties properties;
    private final Problems problems;
    private final AntPathMatcher paths = new AntPathMatcher();

    public RequestSizeFilter(EdgeProperties properties, Problems problems) {
        this.properties = properties;
        this.problems = problems;
    }

    long limitFor(String path) {
        return properties.maxRequestSizeByPath().entrySet().stream()
                .filter(entry -> paths.match(entry.getKey(), path))
                .mapToLong(entry -> entry.getValue().toBytes())
                .findFirst()
                .orElse(properties.maxRequestSize().toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitFor(exchange.getRequest().getPath().value());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "gateway.too-large", declared, limit);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    @Override
    public int getOrder() {
        return 1;
    }
}
