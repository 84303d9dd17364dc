package vn.ocop.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own errors (no token, rate limit, body too large, backend down or slow, no route) as
 * RFC 9457 problem+json in Vietnamese, or English for {@code Accept-Language: en}, like the services do.
 */
@Component
public class Problems {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final JsonMapper json = JsonMapper.builder().build();

    public Problems() {
        messages.setBasenames("gateway-problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(VIETNAMESE);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, Object... arguments) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Locale locale = language(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:ocop:problem:" + code);
        body.put("title", messages.getMessage("title.status." + status.value(), null, "Error " + status.value(), locale));
        body.put("status", status.value());
        body.put("detail", messages.getMessage(code, arguments, code, locale));
        body.put("code", code);
        body.put("instance", exchange.getRequest().getPath().value());
        String traceparent = exchange.getResponse().getHeaders().getFirst(TraceparentFilter.HEADER);
        if (traceparent != null && traceparent.length() >= 35) {
            body.put("traceId", traceparent.substring(3, 35));
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    private static Locale language(ServerWebExchange exchange) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException malformed) {
            return VIETNAMESE;
        }
        return !ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : VIETNAMESE;
    }
}
