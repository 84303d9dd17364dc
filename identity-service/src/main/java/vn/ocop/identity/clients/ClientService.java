package vn.ocop.identity.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.identity.IdentityProperties;
import vn.ocop.identity.clients.domain.ClientSecretGenerator;
import vn.ocop.identity.clients.domain.MachineClientSpec;

/** OAuth2 clients: machine clients created by province officers, and the platform's own web client. */
@Service
public class ClientService {

    private static final Logger log = LoggerFactory.getLogger(ClientService.class);

    /** A client as administrators see it (never its secret). */
    public record ClientInfo(String id, String clientId, String name, String kind, Set<String> scopes,
            Set<String> grantTypes, Set<String> redirectUris, boolean enabled, Instant createdAt, String createdBy,
            Long version) {
    }

    /** A new machine client and its secret, shown this once. */
    public record CreatedClient(ClientInfo client, String clientSecret) {
    }

    private final MongoTemplate mongo;
    private final PasswordEncoder passwordEncoder;
    private final IdentityProperties properties;
    private final Clock clock;
    private final ClientSecretGenerator secrets = new ClientSecretGenerator();

    ClientService(MongoTemplate mongo, PasswordEncoder passwordEncoder, IdentityProperties properties, Clock clock) {
        this.mongo = mongo;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.clock = clock;
    }

    public List<String> allowedScopes() {
        return properties.clients().allowedScopes();
    }

    /** 422 listing every problem; 409 when the client id is taken. */
    public CreatedClient createMachineClient(MachineClientSpec spec, String actor) {
        List<FieldViolation> violations = spec.violations(allowedScopes(), List.of(properties.webClient().clientId()));
        if (!violations.isEmpty()) {
            throw new InvalidInputException("client.invalid", violations);
        }
        String clientId = spec.normalizedClientId();
        if (findDocumentByClientId(clientId).isPresent()) {
            throw new ConflictException("client.client-id-taken", clientId);
        }
        String secret = secrets.generate();
        Instant now = clock.instant();
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(now)
                .clientSecret(passwordEncoder.encode(secret))
                .clientName(spec.normalizedName())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(spec.scopeSet()))
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
        ClientDocument document = new ClientDocument();
        document.id = client.getId();
        document.kind = ClientDocument.Kind.MACHINE;
        document.enabled = true;
        document.createdAt = now;
        document.createdBy = actor;
        document.updatedAt = now;
        document.updatedBy = actor;
        MongoRegisteredClientRepository.copy(client, document);
        try {
            ClientDocument saved = mongo.insert(document);
            log.info("Machine client {} created by {} with scopes {}", clientId, actor, spec.scopeSet());
            return new CreatedClient(info(saved), secret);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("client.client-id-taken", clientId);
        }
    }

    public List<ClientInfo> list() {
        return mongo.find(new Query().with(Sort.by("clientId")), ClientDocument.class).stream().map(ClientService::info)
                .toList();
    }

    public Optional<ClientInfo> findByClientId(String clientId) {
        return findDocumentByClientId(clientId).map(ClientService::info);
    }

    public ClientInfo disable(String id, String actor) {
        return setEnabled(id, false, actor);
    }

    public ClientInfo enable(String id, String actor) {
        return setEnabled(id, true, actor);
    }

    private ClientInfo setEnabled(String id, boolean enabled, String actor) {
        ClientDocument document = mongo.findById(id, ClientDocument.class);
        if (document == null) {
            throw new NotFoundException("client.not-found", id);
        }
        if (document.kind != ClientDocument.Kind.MACHINE) {
            throw new ConflictException("client.not-machine-client", document.clientId);
        }
        document.enabled = enabled;
        document.updatedAt = clock.instant();
        document.updatedBy = actor;
        ClientDocument saved = mongo.save(document);
        log.info("Machine client {} {} by {}", saved.clientId, enabled ? "enabled" : "disabled", actor);
        return info(saved);
    }

    /**
     * Creates or updates the public browser client from the configuration (redirect URIs may change between
     * releases): authorization code with PKCE (S256) required, no secret, no consent screen (it is the platform's
     * own application), scopes {@code openid profile}.
     */
    public void registerWebClient() {
        IdentityProperties.WebClient web = properties.webClient();
        ClientDocument document = findDocumentByClientId(web.clientId()).orElse(null);
        Instant now = clock.instant();
        String id = document == null ? UUID.randomUUID().toString() : document.id;
        RegisteredClient client = RegisteredClient.withId(id)
                .clientId(web.clientId())
                .clientIdIssuedAt(document == null ? now : document.clientIdIssuedAt)
                .clientName("OCOP web")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> web.redirectUris().stream().map(String::trim).filter(u -> !u.isEmpty()).forEach(uris::add))
                .postLogoutRedirectUris(uris -> web.postLogoutRedirectUris().stream().map(String::trim)
                        .filter(u -> !u.isEmpty()).forEach(uris::add))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
        if (document == null) {
            document = new ClientDocument();
            document.id = id;
            document.kind = ClientDocument.Kind.WEB;
            document.enabled = true;
            document.createdAt = now;
            document.createdBy = "configuration";
        }
        ClientDocument before = snapshot(document);
        MongoRegisteredClientRepository.copy(client, document);
        if (before != null && sameRegistration(before, document)) {
            return;
        }
        document.updatedAt = now;
        document.updatedBy = "configuration";
        try {
            mongo.save(document);
            log.info("Web client {} registered with redirect URIs {}", web.clientId(), document.redirectUris);
        } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
            log.info("Web client {} was registered meanwhile by another replica", web.clientId());
        }
    }

    private Optional<ClientDocument> findDocumentByClientId(String clientId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("clientId").is(clientId)), ClientDocument.class));
    }

    private static ClientDocument snapshot(ClientDocument document) {
        if (document.version == null) {
            return null;
        }
        ClientDocument copy = new ClientDocument();
        copy.redirectUris = document.redirectUris == null ? null : new LinkedHashSet<>(document.redirectUris);
        copy.postLogoutRedirectUris = document.postLogoutRedirectUris == null ? null
                : new LinkedHashSet<>(document.postLogoutRedirectUris);
        copy.scopes = document.scopes == null ? null : new LinkedHashSet<>(document.scopes);
        copy.grantTypes = document.grantTypes == null ? null : new LinkedHashSet<>(document.grantTypes);
        copy.authenticationMethods = document.authenticationMethods == null ? null
                : new LinkedHashSet<>(document.authenticationMethods);
        copy.requireProofKey = document.requireProofKey;
        copy.requireConsent = document.requireConsent;
        return copy;
    }

    private static boolean sameRegistration(ClientDocument a, ClientDocument b) {
        return Objects.equals(a.redirectUris, b.redirectUris)
                && Objects.equals(a.postLogoutRedirectUris, b.postLogoutRedirectUris)
                && Objects.equals(a.scopes, b.scopes)
                && Objects.equals(a.grantTypes, b.grantTypes)
                && Objects.equals(a.authenticationMethods, b.authenticationMethods)
                && a.requireProofKey == b.requireProofKey && a.requireConsent == b.requireConsent;
    }

    private static ClientInfo info(ClientDocument document) {
        return new ClientInfo(document.id, document.clientId, document.clientName,
                document.kind == null ? null : document.kind.name(), sorted(document.scopes), sorted(document.grantTypes),
                sorted(document.redirectUris), document.enabled, document.createdAt, document.createdBy,
                document.version);
    }

    private static Set<String> sorted(Set<String> values) {
        return values == null ? Set.of() : new TreeSet<>(values);
    }
}
