package vn.ocop.identity.clients.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** Client secrets: 32 random bytes (256 bits), base64url without padding (43 characters). */
public final class ClientSecretGenerator {

    private final SecureRandom random = new SecureRandom();

    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
