package vn.ocop.identity.clients;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Repository;

import vn.ocop.identity.IdentityProperties;

/**
 * Spring Authorization Server's client store on MongoDB, shared by every replica. A disabled client is not found,
 * so it can neither authenticate nor be used in an authorization request. Access tokens are self-contained JWTs
 * living {@code ocop.identity.access-token-lifetime} (15 minutes by default) for every client.
 */
@Repository
public class MongoRegisteredClientRepository implements RegisteredClientRepository {

    private final MongoTemplate mongo;
    private final Duration accessTokenLifetime;

    MongoRegisteredClientRepository(MongoTemplate mongo, IdentityProperties properties) {
        this.mongo = mongo;
        this.accessTokenLifetime = properties.accessTokenLifetime();
    }

    /**
     * Stores the client's OAuth2 fields. An existing document (same id) keeps its kind, state and audit fields:
     * Spring Authorization Server calls this when it re-hashes a secret made with an older algorithm.
     */
    @Override
    public void save(RegisteredClient client) {
        ClientDocument document = mongo.findById(client.getId(), ClientDocument.class);
        if (document == null) {
            document = new ClientDocument();
            document.id = client.getId();
            document.enabled = true;
            document.createdAt = Instant.now();
            document.kind = client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    ? ClientDocument.Kind.MACHINE : ClientDocument.Kind.WEB;
        }
        copy(client, document);
        mongo.save(document);
    }

    static void copy(RegisteredClient client, ClientDocument document) {
        document.clientId = client.getClientId();
        document.clientIdIssuedAt = client.getClientIdIssuedAt();
        document.clientSecretHash = client.getClientSecret();
        document.clientSecretExpiresAt = client.getClientSecretExpiresAt();
        document.clientName = client.getClientName();
        document.authenticationMethods = values(client.getClientAuthenticationMethods().stream()
                .map(ClientAuthenticationMethod::getValue).toList());
        document.grantTypes = values(client.getAuthorizationGrantTypes().stream()
                .map(AuthorizationGrantType::getValue).toList());
        document.redirectUris = values(client.getRedirectUris());
        document.postLogoutRedirectUris = values(client.getPostLogoutRedirectUris());
        document.scopes = values(client.getScopes());
        document.requireProofKey = client.getClientSettings().isRequireProofKey();
        document.requireConsent = client.getClientSettings().isRequireAuthorizationConsent();
    }

    @Override
    public RegisteredClient findById(String id) {
        return toRegisteredClient(mongo.findById(id, ClientDocument.class));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return toRegisteredClient(mongo.findOne(Query.query(Criteria.where("clientId").is(clientId)), ClientDocument.class));
    }

    RegisteredClient toRegisteredClient(ClientDocument document) {
        if (document == null || !document.enabled) {
            return null;
        }
        RegisteredClient.Builder builder = RegisteredClient.withId(document.id)
                .clientId(document.clientId)
                .clientIdIssuedAt(document.clientIdIssuedAt)
                .clientSecret(document.clientSecretHash)
                .clientSecretExpiresAt(document.clientSecretExpiresAt)
                .clientName(document.clientName == null ? document.clientId : document.clientName)
                .clientAuthenticationMethods(methods -> nonNull(document.authenticationMethods)
                        .forEach(method -> methods.add(new ClientAuthenticationMethod(method))))
                .authorizationGrantTypes(grants -> nonNull(document.grantTypes)
                        .forEach(grant -> grants.add(new AuthorizationGrantType(grant))))
                .redirectUris(uris -> uris.addAll(nonNull(document.redirectUris)))
                .postLogoutRedirectUris(uris -> uris.addAll(nonNull(document.postLogoutRedirectUris)))
                .scopes(scopes -> scopes.addAll(nonNull(document.scopes)))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(document.requireProofKey)
                        .requireAuthorizationConsent(document.requireConsent)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(accessTokenLifetime)
                        .authorizationCodeTimeToLive(Duration.ofMinutes(5))
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .reuseRefreshTokens(false)
                        .refreshTokenTimeToLive(Duration.ofHours(8))
                        .build());
        return builder.build();
    }

    private static Set<String> values(Collection<String> values) {
        return new LinkedHashSet<>(values == null ? Set.of() : values);
    }

    private static Set<String> nonNull(Set<String> values) {
        return values == null ? Set.of() : values;
    }
}
