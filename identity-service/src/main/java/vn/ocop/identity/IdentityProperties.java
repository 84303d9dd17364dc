package vn.ocop.identity;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of identity-service ({@code ocop.identity.*}); {@code application.yml} maps each to an environment
 * variable.
 *
 * @param accessTokenLifetime lifetime of every access token this server issues
 * @param password rules for new passwords
 * @param lockout when repeated failed logins lock an account
 * @param webClient the public browser client {@code ocop-web}
 * @param clients machine clients (client credentials)
 * @param bootstrapAdmin the first province officer, created outside the embedded mode when none exists
 * @param cors browser origins allowed to call the token, JWK, user-info and {@code /api} endpoints
 */
@ConfigurationProperties("ocop.identity")
public record IdentityProperties(
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue Password password,
        @DefaultValue Lockout lockout,
        @DefaultValue WebClient webClient,
        @DefaultValue Clients clients,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue Cors cors) {

    /** @param minLength shortest acceptable password */
    public record Password(@DefaultValue("12") int minLength) {
    }

    public record Lockout(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration duration) {
    }

    public record WebClient(
            @DefaultValue("ocop-web") String clientId,
            @DefaultValue({"http://localhost:5173/callback", "http://localhost:8080/login/oauth2/code/ocop-web"})
            List<String> redirectUris,
            @DefaultValue({"http://localhost:5173/"}) List<String> postLogoutRedirectUris) {
    }

    /** @param allowedScopes the only scopes a machine client may be given */
    public record Clients(
            @DefaultValue({"catalogue.read", "ratings.read", "events.subscribe", "ocop.ops"}) List<String> allowedScopes) {
    }

    public record BootstrapAdmin(String username, String password,
            @DefaultValue("Quản trị viên OCOP tỉnh") String displayName) {

        public boolean configured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }

    /** @param allowedOrigins empty: the origins of the web client's redirect URIs */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /** The configured CORS origins, or else the origins (scheme://host:port) of the web client's redirect URIs. */
    public List<String> corsOrigins() {
        List<String> configured = cors.allowedOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (!configured.isEmpty()) {
            return configured;
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String uri : webClient.redirectUris()) {
            if (uri.isBlank()) {
                continue;
            }
            URI parsed = URI.create(uri.trim());
            if (parsed.getScheme() != null && parsed.getHost() != null) {
                origins.add(parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort()));
            }
        }
        return List.copyOf(origins);
    }
}
