package vn.ocop.identity.clients.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ocop.chassis.errors.FieldViolation;

class MachineClientSpecTest {

    static final List<String> ALLOWED = List.of("catalogue.read", "ratings.read", "events.subscribe", "ocop.ops");

    @Test
    void acceptsAllowedScopesAndNormalisesTheId() {
        MachineClientSpec spec = new MachineClientSpec(" Cong-Thong-Tin ", "Cổng thông tin tỉnh",
                List.of("catalogue.read", "ratings.read"));
        assertThat(spec.violations(ALLOWED, List.of("ocop-web"))).isEmpty();
        assertThat(spec.normalizedClientId()).isEqualTo("cong-thong-tin");
        assertThat(spec.scopeSet()).containsExactly("catalogue.read", "ratings.read");
    }

    @Test
    void listsEveryProblem() {
        MachineClientSpec spec = new MachineClientSpec("ocop-web", " ", List.of("catalogue.read", "dossiers.write"));
        assertThat(spec.violations(ALLOWED, List.of("ocop-web")))
                .extracting(v -> v.field() + ":" + v.code())
                .containsExactlyInAnyOrder("clientId:client.client-id.reserved", "name:client.name.required",
                        "scopes:client.scopes.not-allowed");
        assertThat(new MachineClientSpec("a", "A", List.of()).violations(ALLOWED, List.of()))
                .extracting(FieldViolation::code)
                .containsExactlyInAnyOrder("client.client-id.invalid", "client.scopes.required");
    }

    @Test
    void secretsAreLongAndRandom() {
        ClientSecretGenerator generator = new ClientSecretGenerator();
        String secret = generator.generate();
        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(generator.generate()).isNotEqualTo(secret);
    }
}
