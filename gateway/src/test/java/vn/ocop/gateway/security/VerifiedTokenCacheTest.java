package vn.ocop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class VerifiedTokenCacheTest {

    private static final String ISSUER = "http://localhost:9000";
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    private final KeyPair issuerKey = rsaKey();
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void theEdgeVerifiesATokenOnceUntilItExpiresAndNeverKeepsOneThatFails() throws Exception {
        String token = token(issuerKey, NOW.plus(Duration.ofMinutes(5)));
        String forged = token(rsaKey(), NOW.plus(Duration.ofMinutes(5)));
        VerifiedTokenCache now = new VerifiedTokenCache(countingVerifier(Clock.fixed(NOW, ZoneOffset.UTC)), 100,
                Clock.fixed(NOW, ZoneOffset.UTC));

        Jwt first = now.decode(token).block();
        Jwt second = now.decode(token).block();
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);

        assertThatThrownBy(() -> now.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> now.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);

        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        VerifiedTokenCache tenMinutesLater = new VerifiedTokenCache(countingVerifier(later), 100, later);
        assertThatThrownBy(() -> tenMinutesLater.decode(token).block()).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
    }

    private ReactiveJwtDecoder countingVerifier(Clock clock) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder
                .withPublicKey((RSAPublicKey) issuerKey.getPublic()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
        return token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private static String token(KeyPair key, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("longxuyen")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
