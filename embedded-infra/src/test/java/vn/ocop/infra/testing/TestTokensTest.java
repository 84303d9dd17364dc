package vn.ocop.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TestTokensTest {

    private final NimbusJwtDecoder decoder = decoderTrusting(TestTokens.publicKeyPem());

    @Test
    void provinceOfficerTokenIsAcceptedWithTheExpectedClaims() {
        Jwt jwt = decoder.decode(TestTokens.provinceOfficer());

        assertThat(jwt.getIssuer()).hasToString(TestTokens.ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("province-officer");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PROVINCE_OFFICER");
        assertThat(jwt.hasClaim("locality")).isFalse();
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void roleSpecificTokensCarryTheirScopeClaims() {
        Jwt locality = decoder.decode(TestTokens.localityOfficer("30280"));
        assertThat(locality.getClaimAsStringList("roles")).containsExactly("LOCALITY_OFFICER");
        assertThat(locality.getClaimAsString("locality")).isEqualTo("30280");

        Jwt council = decoder.decode(TestTokens.councilMember("member-7"));
        assertThat(council.getSubject()).isEqualTo("member-7");
        assertThat(council.getClaimAsStringList("roles")).containsExactly("COUNCIL_MEMBER");

        Jwt department = decoder.decode(TestTokens.departmentOfficer("SO_NN_PTNT"));
        assertThat(department.getClaimAsStringList("roles")).containsExactly("DEPARTMENT_OFFICER");
        assertThat(department.getClaimAsString("agency")).isEqualTo("SO_NN_PTNT");

        Jwt machine = decoder.decode(TestTokens.machineClient("catalogue-mirror", "catalogue.read", "events.subscribe"));
        assertThat(machine.getSubject()).isEqualTo("catalogue-mirror");
        assertThat(machine.getClaimAsStringList("roles")).isEmpty();
        assertThat(machine.getClaimAsStringList("scope")).containsExactly("catalogue.read", "events.subscribe");

        Jwt custom = decoder.decode(TestTokens.token().subject("u-1").roles("LOCALITY_OFFICER", "COUNCIL_MEMBER")
                .locality("30307").claim("name", "Nguyễn Văn An").sign());
        assertThat(custom.getClaimAsStringList("roles")).containsExactly("LOCALITY_OFFICER", "COUNCIL_MEMBER");
        assertThat(custom.getClaimAsString("name")).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void invalidVariantsAreRejected() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.expired())).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(TestTokens.wrongIssuer())).isInstanceOf(JwtException.class)
                .hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(TestTokens.tampered())).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.signedByOtherKey())).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(
                TestTokens.expired(TestTokens.token().subject("x").roles("LOCALITY_OFFICER").locality("30280"))))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void tamperedTokenReallyClaimsMoreThanWasSigned() {
        String payload = TestTokens.tampered().split("\\.")[1];
        assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).contains("PROVINCE_OFFICER");
    }

    @Test
    void publicKeyFileHoldsThePem() throws Exception {
        assertThat(Files.readString(TestTokens.publicKeyFile())).isEqualTo(TestTokens.publicKeyPem())
                .startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(TestTokens.bearer("abc")).isEqualTo("Bearer abc");
    }

    private static NimbusJwtDecoder decoderTrusting(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER));
            return decoder;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
