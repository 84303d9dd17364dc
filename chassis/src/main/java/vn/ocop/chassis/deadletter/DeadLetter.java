package vn.ocop.chassis.deadletter;

import java.time.Instant;

/** One record in a consumer group's dead-letter topic, with why it got there and where it came from. */
public record DeadLetter(
        int partition,
        long offset,
        Instant deadLetteredAt,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String key,
        String eventId,
        String eventType,
        String subject,
        String exception,
        String payloadPreview) {
}
