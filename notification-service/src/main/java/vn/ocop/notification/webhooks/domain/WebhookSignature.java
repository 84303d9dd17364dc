package vn.ocop.notification.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed by
 * the base64 part of the subscription secret {@code whsec_<base64>}. See https://www.standardwebhooks.com.
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        String encodedKey = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encodedKey), "HmacSHA256"));
            byte[] signature = mac.doFinal((webhookId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** True when one of the space-separated signatures of the header matches (constant-time comparison). */
    public static boolean verify(String secret, String webhookId, long timestampSeconds, String body, String header) {
        byte[] expected = sign(secret, webhookId, timestampSeconds, body).getBytes(StandardCharsets.UTF_8);
        for (String candidate : header.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
