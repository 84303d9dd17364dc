package vn.ocop.notification.reminders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Read model of one dossier (hồ sơ): its round, locality and where it stands. Products submitted per locality and
 * round are counted from these documents, never kept as counters.
 */
@Document("dossiers")
public record DossierStatus(
        @Id String id,
        String roundId,
        String localityCode,
        String productName,
        String entityName,
        Status status) {

    public enum Status {
        SUBMITTED, RESUBMITTED, RETURNED, WITHDRAWN;

        /** A returned dossier must be completed and resubmitted before it counts again. */
        public boolean counts() {
            return this == SUBMITTED || this == RESUBMITTED;
        }
    }
}
