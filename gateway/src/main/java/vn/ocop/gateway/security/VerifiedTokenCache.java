package vn.ocop.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * The edge's memory of the access tokens it has verified, until each one expires, as the services' chassis keeps
 * its own (the edge does not share the services' servlet chassis): a client sending the same token again is not
 * checked again (RSA signature and claims). Looked up by the token's whole text, signature included; a token that
 * fails is never kept. As for any JWT, a key withdrawn from the issuer's key set stops new tokens at once, not the
 * ones verified before, until they expire.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    static final int DEFAULT_SIZE = 10_000;

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(ReactiveJwtDecoder verifier, int maximumSize, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new Expiry<String, Jwt>() {
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
        }).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && unexpired(known, clock.instant())) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (unexpired(jwt, clock.instant())) {
                verified.put(token, jwt);
            }
        });
    }

    private static boolean unexpired(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt());
    }
}
