package vn.ocop.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * RS256 access tokens for tests, shaped like the platform's own: {@code iss}, {@code sub}, {@code roles}
 * (JSON array), optional {@code locality}, {@code agency} and {@code scope} (JSON array, as Spring
 * Authorization Server writes it), {@code iat} and {@code exp} (15 minutes later).
 *
 * <p>The signing key pair is generated once per JVM; services under test verify with {@link #publicKeyPem()},
 * which {@link OcopInfraExtension} hands them through {@code ocop.security.jwt.public-key-location}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://identity.test";
    public static final String WRONG_ISSUER = "http://impostor.test";
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    public static final String PROVINCE_OFFICER = "PROVINCE_OFFICER";
    public static final String LOCALITY_OFFICER = "LOCALITY_OFFICER";
    public static final String COUNCIL_MEMBER = "COUNCIL_MEMBER";
    public static final String DEPARTMENT_OFFICER = "DEPARTMENT_OFFICER";

    private static final String KEY_ID = "ocop-test-key";

    private TestTokens() {
    }

    public static TokenBuilder token() {
        return new TokenBuilder();
    }

    public static String provinceOfficer() {
        return provinceOfficerToken().sign();
    }

    public static String localityOfficer(String localityCode) {
        return token().subject("locality-officer-" + localityCode).roles(LOCALITY_OFFICER).locality(localityCode).sign();
    }

    public static String councilMember(String userId) {
        return token().subject(userId).roles(COUNCIL_MEMBER).sign();
    }

    public static String departmentOfficer(String agency) {
        return token().subject("department-officer-" + agency).roles(DEPARTMENT_OFFICER).agency(agency).sign();
    }

    /** A client-credentials token: the client id as subject, no roles, the given scopes. */
    public static String machineClient(String clientId, String... scopes) {
        return token().subject(clientId).roles().scopes(scopes).sign();
    }

    /** A province officer's token that expired half an hour ago (beyond any usual clock-skew allowance). */
    public static String expired() {
        return expired(provinceOfficerToken());
    }

    public static String expired(TokenBuilder token) {
        Instant now = Instant.now();
        return token.copy().issuedAt(now.minus(Duration.ofMinutes(45))).expiresAt(now.minus(Duration.ofMinutes(30))).sign();
    }

    public static String wrongIssuer() {
        return wrongIssuer(provinceOfficerToken());
    }

    public static String wrongIssuer(TokenBuilder token) {
        return token.copy().issuer(WRONG_ISSUER).sign();
    }

    /** A locality officer's token whose payload was rewritten after signing to claim PROVINCE_OFFICER. */
    public static String tampered() {
        return tampered(token().subject("locality-officer-tampered").roles(LOCALITY_OFFICER).locality("00000"));
    }

    /** The token signed as built, then its payload replaced by one claiming PROVINCE_OFFICER; the signature is kept. */
    public static String tampered(TokenBuilder token) {
        String[] parts = token.sign().split("\\.");
        JWTClaimsSet escalated = token.copy().roles(PROVINCE_OFFICER).locality(null).claims();
        return parts[0] + "." + escalated.toPayload().toBase64URL() + "." + parts[2];
    }

    public static String signedByOtherKey() {
        return signedByOtherKey(provinceOfficerToken());
    }

    /** A well-formed token signed by a key the services do not trust (same key id, to defeat key-id lookups). */
    public static String signedByOtherKey(TokenBuilder token) {
        return sign(token.claims(), Keys.UNTRUSTED);
    }

    /** The trusted public key, PEM-encoded ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public static String publicKeyPem() {
        return Keys.PUBLIC_KEY_PEM;
    }

    /** {@link #publicKeyPem()} written once per JVM to a temporary file (deleted at exit). */
    public static Path publicKeyFile() {
        return Keys.publicKeyFile();
    }

    /** The trusted key pair as a JWK (private part included), for tests that need more than the PEM. */
    public static RSAKey signingKey() {
        return Keys.TRUSTED;
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static TokenBuilder provinceOfficerToken() {
        return token().subject("province-officer").roles(PROVINCE_OFFICER);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
        return jwt.serialize();
    }

    public static final class TokenBuilder {

        private String issuer = ISSUER;
        private String subject = "test-user";
        private List<String> roles = List.of();
        private String locality;
        private String agency;
        private List<String> scopes;
        private Instant issuedAt;
        private Instant expiresAt;
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        private TokenBuilder() {
        }

        public TokenBuilder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public TokenBuilder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public TokenBuilder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public TokenBuilder locality(String localityCode) {
            this.locality = localityCode;
            return this;
        }

        public TokenBuilder agency(String agency) {
            this.agency = agency;
            return this;
        }

        /** Sets the {@code scope} claim; no scopes leaves the claim out. */
        public TokenBuilder scopes(String... scopes) {
            this.scopes = scopes.length == 0 ? null : List.of(scopes);
            return this;
        }

        /** Defaults to now. */
        public TokenBuilder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** Defaults to {@link #LIFETIME} after the issue time. */
        public TokenBuilder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Any further claim; a null value removes it. */
        public TokenBuilder claim(String name, Object value) {
            if (value == null) {
                extraClaims.remove(name);
            } else {
                extraClaims.put(name, value);
            }
            return this;
        }

        public TokenBuilder copy() {
            TokenBuilder copy = new TokenBuilder();
            copy.issuer = issuer;
            copy.subject = subject;
            copy.roles = roles;
            copy.locality = locality;
            copy.agency = agency;
            copy.scopes = scopes;
            copy.issuedAt = issuedAt;
            copy.expiresAt = expiresAt;
            copy.extraClaims.putAll(extraClaims);
            return copy;
        }

        /** The compact serialised JWT, signed with the trusted test key. */
        public String sign() {
            return TestTokens.sign(claims(), Keys.TRUSTED);
        }

        public JWTClaimsSet claims() {
            Instant issued = issuedAt != null ? issuedAt : Instant.now();
            Instant expires = expiresAt != null ? expiresAt : issued.plus(LIFETIME);
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .claim("roles", new ArrayList<>(roles))
                    .issueTime(Date.from(issued))
                    .expirationTime(Date.from(expires));
            if (locality != null) {
                claims.claim("locality", locality);
            }
            if (agency != null) {
                claims.claim("agency", agency);
            }
            if (scopes != null) {
                claims.claim("scope", new ArrayList<>(scopes));
            }
            extraClaims.forEach(claims::claim);
            return claims.build();
        }
    }

    /** Holder idiom: the keys are generated on first use, once per JVM. */
    private static final class Keys {

        static final RSAKey TRUSTED = generate();
        static final RSAKey UNTRUSTED = generate();
        static final String PUBLIC_KEY_PEM = pem(TRUSTED);
        private static Path publicKeyFile;

        static synchronized Path publicKeyFile() {
            if (publicKeyFile == null) {
                try {
                    Path file = Files.createTempFile("ocop-test-jwt-", ".pem");
                    Files.writeString(file, PUBLIC_KEY_PEM, StandardCharsets.US_ASCII);
                    file.toFile().deleteOnExit();
                    publicKeyFile = file;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return publicKeyFile;
        }

        private static RSAKey generate() {
            try {
                return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException("Could not generate an RSA key pair", e);
            }
        }

        private static String pem(RSAKey key) {
            try {
                byte[] encoded = key.toRSAPublicKey().getEncoded();
                String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded);
                return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
