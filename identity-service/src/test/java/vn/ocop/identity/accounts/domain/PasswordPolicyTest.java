package vn.ocop.identity.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.ocop.chassis.errors.FieldViolation;

class PasswordPolicyTest {

    @Test
    void needsTheMinimumLengthAndMayNotBeTheUsername() {
        PasswordPolicy policy = PasswordPolicy.DEFAULT;
        assertThat(policy.check("12345678901", "user", "password")).extracting(FieldViolation::code)
                .containsExactly("password.too-short");
        assertThat(policy.check("123456789012", "user", "password")).isEmpty();
        assertThat(policy.check("Nguyen.Van.An", "nguyen.van.an", "password")).extracting(FieldViolation::code)
                .containsExactly("password.equals-username");
        assertThat(policy.check("", "user", "password")).extracting(FieldViolation::code)
                .containsExactly("password.required");
        assertThat(policy.check("x".repeat(129), "user", "password")).extracting(FieldViolation::code)
                .containsExactly("password.too-long");
        assertThat(policy.check("mật khẩu có dấu", "user", "password")).as("counts characters, not bytes").isEmpty();
    }

    @Test
    void theMinimumIsConfigurable() {
        assertThat(new PasswordPolicy(16).check("123456789012345", "u", "p")).extracting(FieldViolation::arguments)
                .containsExactly(java.util.List.of(16));
        assertThatThrownBy(() -> new PasswordPolicy(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedPasswordsSatisfyThePolicyAndDiffer() {
        PasswordGenerator generator = new PasswordGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = generator.generate();
            assertThat(password).matches("[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}").matches(".*[A-Z].*").matches(".*[a-z].*")
                    .matches(".*[0-9].*").doesNotContain("0", "O", "1", "l", "I");
            assertThat(PasswordPolicy.DEFAULT.check(password, "someone", "password")).isEmpty();
            seen.add(password);
        }
        assertThat(seen).hasSize(200);
    }
}
