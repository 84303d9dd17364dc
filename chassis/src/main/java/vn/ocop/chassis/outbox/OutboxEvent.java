package vn.ocop.chassis.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published. It is written in the same document
 * update as the state change that raised it, so the two can never disagree.
 *
 * @param sequence per-aggregate, strictly increasing; becomes the {@code ce_sequence} header
 * @param payload the JSON body, already serialized (UTF-8 text)
 */
public record OutboxEvent(
        String eventId,
        String topic,
        String source,
        String type,
        String subject,
        long sequence,
        Instant time,
        String payload,
        String traceparent) {
}
