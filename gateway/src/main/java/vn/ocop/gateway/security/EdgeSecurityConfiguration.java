package vn.ocop.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import vn.ocop.gateway.edge.EdgeProperties;
import vn.ocop.gateway.edge.Problems;

/**
 * Tokens are checked at the edge so that a forged or expired token never reaches a service; the services check
 * them again and decide roles and localities themselves. Open without a token: health, the identity
 * endpoints that issue tokens, the public catalogue, API docs, and configured public paths.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeSecurityConfiguration {

    static final String[] ALWAYS_PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/oauth2/**", "/.well-known/**", "/connect/**", "/login", "/logout", "/userinfo",
            "/api/reporting/catalogue/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**",
            "/api/*/v3/api-docs", "/api/*/v3/api-docs/**", "/fallback/**"};

    /**
     * Spring Security would otherwise observe every filter of the chain and every authorization (a timer and a
     * span each, per request); the gateway's requests are measured once, as http.server.requests and the
     * route's gateway metrics. Static: read while Spring Security builds its post-processors.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveJwtDecoder reactiveJwtDecoder(@Value("${ocop.security.jwt.issuer}") String issuer,
            @Value("${ocop.security.jwt.jwk-set-uri:}") String jwkSetUri,
            @Value("${ocop.security.jwt.public-key-location:}") String publicKeyLocation) throws Exception {
        NimbusReactiveJwtDecoder decoder;
        if (!publicKeyLocation.isBlank()) {
            String pem = new DefaultResourceLoader().getResource(publicKeyLocation)
                    .getContentAsString(StandardCharsets.US_ASCII)
                    .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            decoder = NimbusReactiveJwtDecoder.withPublicKey(key).build();
        } else {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return new VerifiedTokenCache(decoder, VerifiedTokenCache.DEFAULT_SIZE, Clock.systemUTC());
    }

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, EdgeProperties properties, Problems problems) {
        List<String> open = new ArrayList<>(List.of(ALWAYS_PUBLIC));
        open.addAll(properties.publicPaths());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(cors -> cors.configurationSource(corsSource(properties)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(open.toArray(String[]::new)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, failure) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "auth.unauthenticated");
                        })
                        .accessDeniedHandler((exchange, denied) ->
                                problems.write(exchange, HttpStatus.FORBIDDEN, "auth.forbidden")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, failure) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "auth.unauthenticated");
                        })
                        .accessDeniedHandler((exchange, denied) ->
                                problems.write(exchange, HttpStatus.FORBIDDEN, "auth.forbidden")))
                .build();
    }

    private static UrlBasedCorsConfigurationSource corsSource(EdgeProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                "Idempotency-Key", "If-Match", "traceparent"));
        cors.setExposedHeaders(List.of("Location", "Retry-After", "traceparent", "Idempotent-Replayed", "ETag",
                "Content-Disposition"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

}
