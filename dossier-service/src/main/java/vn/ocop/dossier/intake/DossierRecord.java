package vn.ocop.dossier.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;
import vn.ocop.contracts.dossier.ReturnReason;
import vn.ocop.dossier.intake.domain.AttachedDocument;
import vn.ocop.dossier.intake.domain.Dossier;
import vn.ocop.dossier.intake.domain.DossierStatus;
import vn.ocop.dossier.intake.domain.HistoryEntry;
import vn.ocop.dossier.intake.domain.Outcome;

/** The dossier as stored: its state, its outbox of events not yet published, and copies of names for search. */
@Document("dossiers")
public class DossierRecord extends OutboxDocument {

    @Id
    String id;
    @Version
    Long version;
    String entityId;
    String productId;
    @Indexed
    String localityCode;
    String roundId;
    @Indexed
    DossierStatus status;
    int revision;
    List<AttachedDocument> documents = new ArrayList<>();
    List<HistoryEntry> history = new ArrayList<>();
    List<ReturnReason> openReturnReasons = new ArrayList<>();
    Outcome outcome;
    List<String> appliedEvaluationEvents = new ArrayList<>();
    Instant createdAt;
    String createdBy;
    Instant updatedAt;
    String entityName;
    String productName;
    Integer criteriaSetCode;
    String searchText;

    Dossier toDomain() {
        return Dossier.restore(id, entityId, productId, localityCode, createdAt, createdBy, roundId, status, revision,
                documents, history, openReturnReasons, outcome, appliedEvaluationEvents);
    }

    void copyFrom(Dossier dossier) {
        id = dossier.id();
        entityId = dossier.entityId();
        productId = dossier.productId();
        localityCode = dossier.localityCode();
        createdAt = dossier.createdAt();
        createdBy = dossier.createdBy();
        roundId = dossier.roundId();
        status = dossier.status();
        revision = dossier.revision();
        documents = new ArrayList<>(dossier.documents());
        history = new ArrayList<>(dossier.history());
        openReturnReasons = new ArrayList<>(dossier.openReturnReasons());
        outcome = dossier.outcome();
        appliedEvaluationEvents = new ArrayList<>(dossier.appliedEvaluationEvents());
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }
}
