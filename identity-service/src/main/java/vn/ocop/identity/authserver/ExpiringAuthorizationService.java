package vn.ocop.identity.authserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Authorization state (pending authorization requests, codes, issued tokens) in memory, like Spring Authorization
 * Server's {@link InMemoryOAuth2AuthorizationService}, but forgetting an authorization once all its tokens expired
 * (the plain in-memory service keeps every client-credentials authorization for ever).
 *
 * <p>Consequences of memory: an authorization-code flow must finish on the replica where it started (sticky
 * sessions, which the login session needs anyway), and a restart forgets issued codes and revocations. Access tokens
 * are self-contained JWTs checked by signature, so they stay valid everywhere.
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    private static final Duration WITHOUT_TOKENS = Duration.ofMinutes(10);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant nextSweep = Instant.MIN;

    ExpiringAuthorizationService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
        expiries.put(authorization.getId(), expiryOf(authorization));
        sweep();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
        expiries.remove(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }

    int size() {
        return expiries.size();
    }

    private Instant expiryOf(OAuth2Authorization authorization) {
        Instant latest = Stream.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
                        authorization.getRefreshToken(), authorization.getToken(OidcIdToken.class))
                .filter(token -> token != null)
                .map(OAuth2Authorization.Token::getToken)
                .map(OAuth2Token::getExpiresAt)
                .filter(expiresAt -> expiresAt != null)
                .max(Instant::compareTo)
                .orElse(null);
        return latest != null ? latest : clock.instant().plus(WITHOUT_TOKENS);
    }

    private void sweep() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_INTERVAL);
        expiries.forEach((id, expiry) -> {
            if (expiry.plus(SWEEP_INTERVAL).isBefore(now)) {
                OAuth2Authorization authorization = delegate.findById(id);
                if (authorization != null) {
                    delegate.remove(authorization);
                }
                expiries.remove(id);
            }
        });
    }
}
