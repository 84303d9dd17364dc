package vn.ocop.chassis.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this replica runs a relay at all
 * @param pollInterval how long the relay waits when it found nothing and nobody woke it up
 * @param fullScanInterval how often the relay also searches whole collections for pending events, beside the
 *        documents it was told about ({@link OutboxRelay#pending}): finds what a crashed replica left or what was
 *        written without telling it
 * @param batchSize documents claimed per collection and pass
 * @param leaseDuration how long a claim keeps other replicas off a document
 * @param acknowledgementTimeout how long to wait for Kafka's acknowledgement of one event
 * @param errorBackoff pause after a failed pass (Mongo unreachable, say)
 */
@ConfigurationProperties("ocop.outbox.relay")
public record OutboxRelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("2s") Duration fullScanInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("60s") Duration leaseDuration,
        @DefaultValue("40s") Duration acknowledgementTimeout,
        @DefaultValue("1s") Duration errorBackoff) {
}
