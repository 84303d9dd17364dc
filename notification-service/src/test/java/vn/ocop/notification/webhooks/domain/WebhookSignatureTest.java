package vn.ocop.notification.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification and its reference libraries. */
    @Test
    void signsLikeTheStandardWebhooksReferenceExample() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(WebhookSignature.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}", "v1,bm9ldmVu " + signature)).isTrue();
        assertThat(WebhookSignature.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331L,
                "{\"test\": 2432232314}", signature)).isFalse();
    }

    @Test
    void newSecretsAreRandomWhsecKeys() {
        assertThat(WebhookSignature.newSecret()).startsWith("whsec_").hasSize(6 + 44)
                .isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void retriesBackOffExponentiallyUpToACapThenStop() {
        var policy = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(2));
        assertThat(policy.delayAfterFailedAttempt(1)).contains(Duration.ofSeconds(30));
        assertThat(policy.delayAfterFailedAttempt(2)).contains(Duration.ofSeconds(60));
        assertThat(policy.delayAfterFailedAttempt(3)).contains(Duration.ofSeconds(120));
        assertThat(policy.delayAfterFailedAttempt(4)).contains(Duration.ofSeconds(120));
        assertThat(policy.delayAfterFailedAttempt(5)).isEqualTo(Optional.empty());
    }
}
