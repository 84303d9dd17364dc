package vn.ocop.identity.clients;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered OAuth2 client in the {@code oauth_clients} collection: the fields of Spring Authorization Server's
 * {@code RegisteredClient} that this platform uses (the secret only as a hash), plus its kind, whether it is
 * enabled and who created it. Token lifetimes are not stored: they come from the configuration.
 */
@Document("oauth_clients")
class ClientDocument {

    enum Kind {
        /** A browser application: authorization code with PKCE, no secret. */
        WEB,
        /** A server: client credentials with a secret. */
        MACHINE
    }

    @Id
    String id;
    @Indexed(unique = true)
    String clientId;
    Instant clientIdIssuedAt;
    String clientSecretHash;
    Instant clientSecretExpiresAt;
    String clientName;
    Set<String> authenticationMethods;
    Set<String> grantTypes;
    Set<String> redirectUris;
    Set<String> postLogoutRedirectUris;
    Set<String> scopes;
    boolean requireProofKey;
    boolean requireConsent;
    Kind kind;
    boolean enabled;
    Instant createdAt;
    String createdBy;
    Instant updatedAt;
    String updatedBy;
    @Version
    Long version;
}
