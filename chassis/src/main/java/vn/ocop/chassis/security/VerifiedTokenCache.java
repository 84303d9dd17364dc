package vn.ocop.chassis.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the access tokens this service has verified, until each one expires, so that a client sending the
 * same token again is not checked again: the RSA signature check and the claims' validation were about a tenth
 * of dossier-service's CPU at 100 submissions/s (JFR, docs/benchmarks.md). A token is looked up by its whole text,
 * signature included, so only the very token that passed is ever answered from here; a token that fails is never
 * kept. Trade-off, the same as for any JWT: a key withdrawn from the issuer's key set stops new tokens at once but
 * not tokens verified before, until they expire (access tokens live minutes).
 */
public final class VerifiedTokenCache implements JwtDecoder {

    /** Enough for every officer of a province at once; an entry is a few KB. */
    public static final int DEFAULT_SIZE = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokenCache(JwtDecoder verifier, int maximumSize, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(untilExpiry(clock)).build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && unexpired(known, clock.instant())) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (unexpired(jwt, clock.instant())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Entries leave memory when their token expires (the lookup above checks the expiry itself as well). */
    static Expiry<String, Jwt> untilExpiry(Clock clock) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                return Math.max(0, Duration.between(clock.instant(), jwt.getExpiresAt()).toNanos());
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return expireAfterCreate(token, jwt, currentTime);
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }

    private static boolean unexpired(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt());
    }
}
