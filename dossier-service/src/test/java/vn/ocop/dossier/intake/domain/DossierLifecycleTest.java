package vn.ocop.dossier.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.contracts.dossier.ReturnReason;
import vn.ocop.dossier.applicants.domain.Address;
import vn.ocop.dossier.applicants.domain.EconomicEntity;
import vn.ocop.dossier.applicants.domain.Product;
import vn.ocop.dossier.applicants.domain.Representative;
import vn.ocop.dossier.rounds.domain.Round;

/** The dossier lifecycle, given / when / then, without any framework. */
class DossierLifecycleTest {

    static final Instant NOW = Instant.parse("2025-05-10T02:00:00Z");
    static final Set<DocumentKind> REQUIRED = Set.of(DocumentKind.REGISTRATION_FORM, DocumentKind.BUSINESS_PLAN);
    static final EconomicEntity ENTITY = new EconomicEntity("e1", EntityType.COOPERATIVE, "HTX Tân Châu", "1600123456",
            new Representative("Nguyễn Thị Lan", true, false), new Address("Ấp Long Hưng", "887"));
    static final Product PRODUCT = new Product("p1", "e1", "Lạp xưởng bò Tân Châu", 8, "THUC_PHAM", "Lạp xưởng");
    static final Round ROUND = new Round("r1", "Đợt 1 năm 2025", LocalDate.of(2025, 5, 10), List.of("887"));
    static final Submission COMPLETE = new Submission(ENTITY, PRODUCT, ROUND, REQUIRED);

    @Test
    void givenACompleteDraft_whenSubmitted_thenSubmittedAndAnnounced() {
        Dossier dossier = completeDraft();

        List<OcopEvent> events = dossier.submit(COMPLETE, "officer", NOW);

        assertThat(dossier.status()).isEqualTo(DossierStatus.SUBMITTED);
        assertThat(events).singleElement().isInstanceOfSatisfying(DossierSubmitted.class, e -> {
            assertThat(e.product().name()).isEqualTo("Lạp xưởng bò Tân Châu");
            assertThat(e.entity().representativeFemale()).isTrue();
            assertThat(e.documentCount()).isEqualTo(2);
        });
        assertThat(dossier.history()).extracting(HistoryEntry::action).containsExactly("CREATED",
                "DOCUMENT_ADDED", "DOCUMENT_ADDED", "SUBMITTED");
    }

    @Test
    void givenAnEmptyDraft_whenSubmitted_thenEveryMissingItemIsListedAtOnce() {
        Dossier dossier = Dossier.draft("d1", "e1", "p1", "887", "r1", "officer", NOW);
        EconomicEntity incomplete = new EconomicEntity("e1", EntityType.ENTERPRISE, "Công ty A", null, null,
                new Address(null, "887"));
        Round closed = new Round("r1", "Đợt 1", LocalDate.of(2025, 5, 9), List.of("884"));

        assertThatThrownBy(() -> dossier.submit(new Submission(incomplete,
                new Product("p1", "e1", "Mắm", null, null, null), closed, REQUIRED), "officer", NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("entity.taxCode",
                                "entity.representative.name", "entity.address.street", "product.criteriaSetCode",
                                "product.productGroup", "product.description", "roundId", "roundId",
                                "documents[REGISTRATION_FORM]", "documents[BUSINESS_PLAN]"));
        assertThat(dossier.status()).isEqualTo(DossierStatus.DRAFT);
    }

    @Test
    void givenARoundWhoseDeadlineWasYesterdayInVietnam_whenSubmitted_thenRefused() {
        Round round = new Round("r1", "Đợt 1", LocalDate.of(2025, 5, 9), List.of("887"));
        assertThat(round.acceptsSubmissionAt(Instant.parse("2025-05-09T16:59:59Z"))).isTrue();
        assertThat(round.acceptsSubmissionAt(Instant.parse("2025-05-09T17:00:00Z"))).isFalse();
    }

    @Test
    void givenASubmittedDossier_whenReturnedAndResubmitted_thenRevisionCountsAndEventsCarryReasons() {
        Dossier dossier = completeDraft();
        dossier.submit(COMPLETE, "officer", NOW);

        List<OcopEvent> returned = dossier.returnForCompletion(
                List.of(new ReturnReason("BUSINESS_PLAN", "Thiếu kế hoạch tiêu thụ")), "province", NOW);
        assertThat(dossier.status()).isEqualTo(DossierStatus.RETURNED_FOR_COMPLETION);
        assertThat(returned).singleElement().isInstanceOf(DossierReturned.class);

        List<OcopEvent> resubmitted = dossier.resubmit(COMPLETE, "officer", NOW.plusSeconds(86400 * 30));
        assertThat(dossier.status()).isEqualTo(DossierStatus.RESUBMITTED);
        assertThat(resubmitted).singleElement().isInstanceOfSatisfying(DossierResubmitted.class,
                e -> assertThat(e.revision()).isEqualTo(1));
        assertThat(dossier.openReturnReasons()).isEmpty();
    }

    @Test
    void givenADraft_whenReturned_thenConflictNamesTheState() {
        Dossier dossier = completeDraft();

        assertThatThrownBy(() -> dossier.returnForCompletion(List.of(new ReturnReason("X", "Y")), "p", NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("dossier.illegal-transition");
                    assertThat(e.arguments()).containsExactly("DRAFT", "RETURN");
                });
    }

    @Test
    void givenAReturnWithoutReasons_thenRefused() {
        Dossier dossier = completeDraft();
        dossier.submit(COMPLETE, "officer", NOW);

        assertThatThrownBy(() -> dossier.returnForCompletion(List.of(), "province", NOW))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void withdrawingADraftIsSilentButASubmittedOneIsAnnounced() {
        Dossier draft = completeDraft();
        assertThat(draft.withdraw("đổi ý", "officer", NOW)).isEmpty();
        assertThat(draft.status()).isEqualTo(DossierStatus.WITHDRAWN);

        Dossier submitted = completeDraft();
        submitted.submit(COMPLETE, "officer", NOW);
        assertThat(submitted.withdraw("Chủ thể xin rút", "officer", NOW)).singleElement()
                .isInstanceOf(DossierWithdrawn.class);
    }

    @Test
    void givenAWithdrawnDossier_whenWithdrawnAgain_thenConflict() {
        Dossier dossier = completeDraft();
        dossier.withdraw(null, "officer", NOW);

        assertThatThrownBy(() -> dossier.withdraw(null, "officer", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> dossier.submit(COMPLETE, "officer", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void givenASubmittedDossier_whenRatedTwiceWithTheSameEvent_thenAppliedOnce() {
        Dossier dossier = completeDraft();
        dossier.submit(COMPLETE, "officer", NOW);
        Outcome fourStars = new Outcome(4, new BigDecimal("78.50"), "PROVINCE", "CN-01", "QĐ-01");

        assertThat(dossier.rated("event-1", fourStars, NOW)).isTrue();
        assertThat(dossier.rated("event-1", fourStars, NOW)).isFalse();

        assertThat(dossier.status()).isEqualTo(DossierStatus.RATED);
        assertThat(dossier.history()).extracting(HistoryEntry::action).endsWith("EVALUATION_STARTED", "RATED");
        assertThat(dossier.outcome().stars()).isEqualTo(4);
    }

    @Test
    void givenAnInEvaluationDossier_whenForwardedThenNotQualified_thenStatusFollows() {
        Dossier dossier = completeDraft();
        dossier.submit(COMPLETE, "officer", NOW);
        assertThat(dossier.startEvaluation("s-1", "session 1", NOW)).isTrue();
        assertThat(dossier.startEvaluation("s-2", "session 1", NOW)).isFalse();

        dossier.forwarded("f-1", new Outcome(null, new BigDecimal("91.00"), "CENTRAL", null, null), NOW);
        assertThat(dossier.status()).isEqualTo(DossierStatus.IN_EVALUATION);
        dossier.notQualified("n-1", new Outcome(null, new BigDecimal("91.00"), null, null, null), "điểm liệt", NOW);
        assertThat(dossier.status()).isEqualTo(DossierStatus.NOT_QUALIFIED);
        assertThat(dossier.rated("r-1", new Outcome(5, BigDecimal.TEN, "CENTRAL", null, null), NOW)).isFalse();
    }

    @Test
    void documentsCanOnlyChangeInDraftOrWhenReturned() {
        Dossier dossier = completeDraft();
        dossier.submit(COMPLETE, "officer", NOW);

        assertThatThrownBy(() -> dossier.attach(document("x", DocumentKind.OTHER_EVIDENCE)))
                .isInstanceOf(ConflictException.class);
        dossier.returnForCompletion(List.of(new ReturnReason("BUSINESS_PLAN", "Bản cũ")), "province", NOW);
        AttachedDocument removed = dossier.detach("d-plan", "officer", NOW);
        assertThat(removed.kind()).isEqualTo(DocumentKind.BUSINESS_PLAN);
        assertThatThrownBy(() -> dossier.resubmit(COMPLETE, "officer", NOW)).isInstanceOf(InvalidInputException.class);
    }

    static Dossier completeDraft() {
        Dossier dossier = Dossier.draft("d1", "e1", "p1", "887", "r1", "officer", NOW);
        dossier.attach(document("d-form", DocumentKind.REGISTRATION_FORM));
        dossier.attach(document("d-plan", DocumentKind.BUSINESS_PLAN));
        return dossier;
    }

    static AttachedDocument document(String id, DocumentKind kind) {
        return new AttachedDocument(id, kind, id + ".pdf", "application/pdf", 100, "ab", NOW, "officer");
    }
}
