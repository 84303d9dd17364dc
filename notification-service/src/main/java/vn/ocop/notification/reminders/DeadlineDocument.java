package vn.ocop.notification.reminders;

import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.notification.reminders.domain.DeadlineKind;

/**
 * A deadline in the calendar. Written by the event projections (one document per round, period or certification
 * case, applied at most once per event sequence) or by an officer through the API.
 *
 * @param dueDate ISO local date in Asia/Ho_Chi_Minh, e.g. {@code 2020-07-10}
 * @param targets for a round: each locality and the number of products it must submit
 * @param units   for a report, a certificate or a custom deadline: the units told
 * @param done    for a custom deadline: the units that marked it done
 * @param detail  for a certificate: "number|product|entity|locality"
 */
@Document("deadlines")
public record DeadlineDocument(
        @Id String id,
        DeadlineKind kind,
        String reference,
        String label,
        String detail,
        String dueDate,
        List<Integer> offsets,
        List<Target> targets,
        List<String> units,
        Set<String> done,
        String productId,
        String certificateNumber,
        Status status,
        String createdBy) {

    public enum Status { OPEN, CLOSED }

    public record Target(String localityCode, int products) {
    }
}
