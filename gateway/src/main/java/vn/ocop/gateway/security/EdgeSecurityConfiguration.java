package vn.ocop.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Tokens are checked at the edge so that a forged or expired token never reaches a service; the services check
 * them again. Open without a token: health, the identity endpoints that issue tokens, the public catalogue.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class EdgeSecurityConfiguration {

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
        return decoder;
    }

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/oauth2/**", "/.well-known/**", "/connect/**", "/login", "/userinfo")
                        .permitAll()
                        .pathMatchers("/api/reporting/catalogue/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { }))
                .build();
    }
}
