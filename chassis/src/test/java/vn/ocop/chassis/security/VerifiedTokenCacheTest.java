package vn.ocop.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokenCacheTest {

    private static final String ISSUER = "http://localhost:9000";

    private final KeyPair issuerKey = rsaKey();
    private final KeyPair otherKey = rsaKey();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokenCache decoder = new VerifiedTokenCache(countingVerifier(), 100, clock);

    @Test
    void aTokenSeenAgainIsNotVerifiedAgain() throws Exception {
        String token = token(issuerKey, "longxuyen", clock.instant().plus(Duration.ofMinutes(30)));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo("longxuyen");
        assertThat(second).isSameAs(first);
    }

    @Test
    void eachTokenIsVerifiedOnItsOwn() throws Exception {
        decoder.decode(token(issuerKey, "longxuyen", clock.instant().plus(Duration.ofMinutes(30))));
        Jwt other = decoder.decode(token(issuerKey, "chaudoc", clock.instant().plus(Duration.ofMinutes(30))));

        assertThat(verifications).hasValue(2);
        assertThat(other.getSubject()).isEqualTo("chaudoc");
    }

    @Test
    void aTokenThatFailsIsNeverKept() throws Exception {
        String forged = token(otherKey, "longxuyen", clock.instant().plus(Duration.ofMinutes(30)));

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void afterItsExpiryATokenIsVerifiedAgainAndRefused() throws Exception {
        String token = token(issuerKey, "longxuyen", clock.instant().plus(Duration.ofMinutes(5)));
        decoder.decode(token);

        clock.move(Duration.ofMinutes(10));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(2);
    }

    private JwtDecoder countingVerifier() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) issuerKey.getPublic()).build();
        // the issuer's rules as the services apply them, on the same clock as the cache
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
        return token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private String token(KeyPair key, String subject, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject)
                .issueTime(Date.from(clock.instant())).notBeforeTime(Date.from(clock.instant()))
                .expirationTime(Date.from(expiresAt)).claim("roles", List.of("LOCALITY_OFFICER")).build();
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

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
