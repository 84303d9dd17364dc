package vn.ocop.identity.accounts;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.ocop.identity.accounts.domain.PasswordHasher;

/**
 * Argon2id (Spring Security 5.8 defaults: 16 MiB, 2 iterations, parallelism 1) for every new password and client
 * secret, behind a {@link DelegatingPasswordEncoder} so each hash carries its algorithm ({@code {argon2}...}) and
 * older hashes ({@code {bcrypt}}, e.g. imported) still verify and are re-hashed at the next login.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String DEFAULT_ID = "argon2";

    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                DEFAULT_ID, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder(DEFAULT_ID, encoders);
    }

    @Bean
    PasswordHasher passwordHasher(PasswordEncoder encoder) {
        return new PasswordHasher() {
            @Override
            public String hash(String rawPassword) {
                return encoder.encode(rawPassword);
            }

            @Override
            public boolean matches(String rawPassword, String hash) {
                return encoder.matches(rawPassword, hash);
            }
        };
    }
}
