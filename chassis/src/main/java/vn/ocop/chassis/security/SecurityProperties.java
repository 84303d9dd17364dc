package vn.ocop.chassis.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwt how access tokens are verified
 * @param publicPaths request patterns open to anonymous callers besides health, metrics and API docs
 */
@ConfigurationProperties("ocop.security")
public record SecurityProperties(Jwt jwt, @DefaultValue List<String> publicPaths) {

    /**
     * @param issuer the only accepted {@code iss}
     * @param jwkSetUri where identity-service publishes its signing keys (production)
     * @param publicKeyLocation a PEM public key instead of a JWK set (tests, air-gapped installs)
     */
    public record Jwt(String issuer, String jwkSetUri, String publicKeyLocation) {
    }
}
