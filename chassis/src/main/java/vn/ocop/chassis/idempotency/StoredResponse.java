package vn.ocop.chassis.idempotency;

/** The response remembered for an idempotency key, or the marker of a first call still running. */
public record StoredResponse(String fingerprint, boolean inProgress, int status, String contentType, String location,
        byte[] body, java.time.Instant lockedUntil) {
}
