package vn.ocop.dossier.intake.domain;

import static vn.ocop.dossier.intake.domain.DossierStatus.DRAFT;
import static vn.ocop.dossier.intake.domain.DossierStatus.IN_EVALUATION;
import static vn.ocop.dossier.intake.domain.DossierStatus.NOT_QUALIFIED;
import static vn.ocop.dossier.intake.domain.DossierStatus.RATED;
import static vn.ocop.dossier.intake.domain.DossierStatus.RESUBMITTED;
import static vn.ocop.dossier.intake.domain.DossierStatus.RETURNED_FOR_COMPLETION;
import static vn.ocop.dossier.intake.domain.DossierStatus.SUBMITTED;
import static vn.ocop.dossier.intake.domain.DossierStatus.WITHDRAWN;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.dossier.EntitySummary;
import vn.ocop.contracts.dossier.ProductSummary;
import vn.ocop.contracts.dossier.ReturnReason;
import vn.ocop.dossier.applicants.domain.EconomicEntity;
import vn.ocop.dossier.applicants.domain.Product;
import vn.ocop.dossier.rounds.domain.Round;

/**
 * A product dossier (hồ sơ sản phẩm OCOP): an entity's product put forward by its locality into a round (đợt).
 * Every change is checked against the lifecycle, appended to the history and, where other services must know,
 * returned as the published-language events it raised.
 */
public final class Dossier {

    private final String id;
    private final String entityId;
    private final String productId;
    private final String localityCode;
    private final Instant createdAt;
    private final String createdBy;
    private String roundId;
    private DossierStatus status;
    private int revision;
    private final List<AttachedDocument> documents;
    private final List<HistoryEntry> history;
    private List<ReturnReason> openReturnReasons;
    private Outcome outcome;
    private final List<String> appliedEvaluationEvents;

    private Dossier(String id, String entityId, String productId, String localityCode, Instant createdAt,
            String createdBy, String roundId, DossierStatus status, int revision, List<AttachedDocument> documents,
            List<HistoryEntry> history, List<ReturnReason> openReturnReasons, Outcome outcome,
            List<String> appliedEvaluationEvents) {
        this.id = id;
        this.entityId = entityId;
        this.productId = productId;
        this.localityCode = localityCode;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.roundId = roundId;
        this.status = status;
        this.revision = revision;
        this.documents = new ArrayList<>(documents);
        this.history = new ArrayList<>(history);
        this.openReturnReasons = List.copyOf(openReturnReasons);
        this.outcome = outcome;
        this.appliedEvaluationEvents = new ArrayList<>(appliedEvaluationEvents);
    }

    public static Dossier draft(String id, String entityId, String productId, String localityCode, String roundId,
            String by, Instant at) {
        Dossier dossier = new Dossier(id, entityId, productId, localityCode, at, by, roundId, DRAFT, 0, List.of(),
                List.of(), List.of(), null, List.of());
        dossier.history.add(new HistoryEntry(at, by, "CREATED", null, DRAFT, null, null));
        return dossier;
    }

    public static Dossier restore(String id, String entityId, String productId, String localityCode,
            Instant createdAt, String createdBy, String roundId, DossierStatus status, int revision,
            List<AttachedDocument> documents, List<HistoryEntry> history, List<ReturnReason> openReturnReasons,
            Outcome outcome, List<String> appliedEvaluationEvents) {
        return new Dossier(id, entityId, productId, localityCode, createdAt, createdBy, roundId, status, revision,
                nonNull(documents), nonNull(history), nonNull(openReturnReasons), outcome,
                nonNull(appliedEvaluationEvents));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    public void changeRound(String newRoundId, String by, Instant at) {
        requireStatus("EDIT", DRAFT);
        roundId = newRoundId;
        history.add(new HistoryEntry(at, by, "ROUND_CHANGED", status, status, newRoundId, null));
    }

    public void attach(AttachedDocument document) {
        requireStatus("ATTACH_DOCUMENT", DRAFT, RETURNED_FOR_COMPLETION);
        documents.add(document);
        history.add(new HistoryEntry(document.uploadedAt(), document.uploadedBy(), "DOCUMENT_ADDED", status, status,
                document.kind() + ": " + document.filename(), null));
    }

    public AttachedDocument detach(String documentId, String by, Instant at) {
        AttachedDocument document = document(documentId);
        requireStatus("DELETE_DOCUMENT", DRAFT, RETURNED_FOR_COMPLETION);
        documents.remove(document);
        history.add(new HistoryEntry(at, by, "DOCUMENT_REMOVED", status, status,
                document.kind() + ": " + document.filename(), null));
        return document;
    }

    public AttachedDocument document(String documentId) {
        return documents.stream().filter(d -> d.id().equals(documentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("document.not-found", documentId));
    }

    public long totalDocumentSize() {
        return documents.stream().mapToLong(AttachedDocument::size).sum();
    }

    /** Submits a complete draft into its round; lists every missing item at once otherwise. */
    public List<OcopEvent> submit(Submission submission, String by, Instant at) {
        requireStatus("SUBMIT", DRAFT);
        submission.requireComplete(this, at, true);
        move(SUBMITTED, "SUBMITTED", by, at, null, null);
        EconomicEntity entity = submission.entity();
        Product product = submission.product();
        return List.of(new DossierSubmitted(id, roundId, localityCode,
                new EntitySummary(entity.id(), entity.name(), entity.type(), blankToNull(entity.taxCode()),
                        entity.representative().female(), entity.representative().ethnicMinority()),
                new ProductSummary(product.id(), product.name(), product.criteriaSetCode(), product.productGroup()),
                documents.size(), at, by));
    }

    /** The province returns the dossier for completion, with one reason per item to fix. */
    public List<OcopEvent> returnForCompletion(List<ReturnReason> reasons, String by, Instant at) {
        requireStatus("RETURN", SUBMITTED, RESUBMITTED);
        List<FieldViolation> invalid = new ArrayList<>();
        if (reasons == null || reasons.isEmpty()) {
            invalid.add(FieldViolation.of("reasons", "dossier.return-reasons-required"));
        } else {
            for (int i = 0; i < reasons.size(); i++) {
                ReturnReason reason = reasons.get(i);
                if (reason == null || blank(reason.item())) {
                    invalid.add(FieldViolation.of("reasons[" + i + "].item", "dossier.missing-field"));
                }
                if (reason == null || blank(reason.reason())) {
                    invalid.add(FieldViolation.of("reasons[" + i + "].reason", "dossier.missing-field"));
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException("dossier.return-invalid", invalid);
        }
        openReturnReasons = List.copyOf(reasons);
        move(RETURNED_FOR_COMPLETION, "RETURNED", by, at, null, reasons);
        return List.of(new DossierReturned(id, localityCode, reasons, at, by));
    }

    /** Submits a completed returned dossier again; the round's deadline is not checked again. */
    public List<OcopEvent> resubmit(Submission submission, String by, Instant at) {
        requireStatus("RESUBMIT", RETURNED_FOR_COMPLETION);
        submission.requireComplete(this, at, false);
        revision++;
        openReturnReasons = List.of();
        move(RESUBMITTED, "RESUBMITTED", by, at, "revision " + revision, null);
        return List.of(new DossierResubmitted(id, roundId, localityCode, revision, at, by));
    }

    /** Withdrawing a draft tells nobody (no one else knows it); a submitted or returned one is announced. */
    public List<OcopEvent> withdraw(String reason, String by, Instant at) {
        DossierStatus before = status;
        requireStatus("WITHDRAW", DRAFT, SUBMITTED, RETURNED_FOR_COMPLETION);
        move(WITHDRAWN, "WITHDRAWN", by, at, reason, null);
        return before == DRAFT ? List.of() : List.of(new DossierWithdrawn(id, localityCode, reason, at, by));
    }

    /** A council session took the dossier up: SUBMITTED/RESUBMITTED → IN_EVALUATION. False if nothing changed. */
    public boolean startEvaluation(String eventId, String note, Instant at) {
        if (!firstTime(eventId) || (status != SUBMITTED && status != RESUBMITTED)) {
            return false;
        }
        move(IN_EVALUATION, "EVALUATION_STARTED", "evaluation-service", at, note, null);
        return true;
    }

    public boolean forwarded(String eventId, Outcome progress, Instant at) {
        if (!firstTime(eventId) || !evaluable()) {
            return false;
        }
        enterEvaluation(at);
        outcome = progress;
        move(IN_EVALUATION, "FORWARDED", "evaluation-service", at, "→ " + progress.level(), null);
        return true;
    }

    public boolean rated(String eventId, Outcome result, Instant at) {
        if (!firstTime(eventId) || !evaluable()) {
            return false;
        }
        enterEvaluation(at);
        outcome = result;
        move(RATED, "RATED", "evaluation-service", at, result.stars() + "★, " + result.score(), null);
        return true;
    }

    public boolean notQualified(String eventId, Outcome result, String why, Instant at) {
        if (!firstTime(eventId) || !evaluable()) {
            return false;
        }
        enterEvaluation(at);
        outcome = result;
        move(NOT_QUALIFIED, "NOT_QUALIFIED", "evaluation-service", at, why, null);
        return true;
    }

    private boolean evaluable() {
        return status == SUBMITTED || status == RESUBMITTED || status == IN_EVALUATION;
    }

    private void enterEvaluation(Instant at) {
        if (status != IN_EVALUATION) {
            move(IN_EVALUATION, "EVALUATION_STARTED", "evaluation-service", at, null, null);
        }
    }

    private boolean firstTime(String eventId) {
        if (appliedEvaluationEvents.contains(eventId)) {
            return false;
        }
        appliedEvaluationEvents.add(eventId);
        return true;
    }

    private void move(DossierStatus to, String action, String by, Instant at, String note, List<ReturnReason> reasons) {
        history.add(new HistoryEntry(at, by, action, status, to, note, reasons));
        status = to;
    }

    private void requireStatus(String action, DossierStatus... allowed) {
        Set<DossierStatus> permitted = EnumSet.noneOf(DossierStatus.class);
        permitted.addAll(List.of(allowed));
        if (!permitted.contains(status)) {
            throw new ConflictException("dossier.illegal-transition", status.name(), action);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value;
    }

    public String id() {
        return id;
    }

    public String entityId() {
        return entityId;
    }

    public String productId() {
        return productId;
    }

    public String localityCode() {
        return localityCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public String roundId() {
        return roundId;
    }

    public DossierStatus status() {
        return status;
    }

    public int revision() {
        return revision;
    }

    public List<AttachedDocument> documents() {
        return List.copyOf(documents);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public List<ReturnReason> openReturnReasons() {
        return openReturnReasons;
    }

    public Outcome outcome() {
        return outcome;
    }

    public List<String> appliedEvaluationEvents() {
        return List.copyOf(appliedEvaluationEvents);
    }
}
