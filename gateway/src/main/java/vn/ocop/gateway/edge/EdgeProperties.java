package vn.ocop.gateway.edge;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param corsAllowedOrigins origins of the web UI allowed to call the API from a browser
 * @param rateLimit per-client request budget
 * @param maxRequestSize body limit for paths not listed in {@code maxRequestSizeByPath}
 * @param maxRequestSizeByPath larger (or smaller) limits by path pattern, e.g. document uploads
 * @param publicPaths paths reachable without a token (token endpoints, the public catalogue, docs)
 */
@ConfigurationProperties("ocop.gateway")
public record EdgeProperties(
        @DefaultValue("http://localhost:5173") List<String> corsAllowedOrigins,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue Map<String, DataSize> maxRequestSizeByPath,
        @DefaultValue List<String> publicPaths) {

    /**
     * @param requestsPerSecond sustained rate per client (token subject, or address when anonymous)
     * @param clientsTracked clients remembered at once; the least recently seen are forgotten first
     */
    public record RateLimit(@DefaultValue("50") int requestsPerSecond, @DefaultValue("100000") int clientsTracked) {
    }
}
