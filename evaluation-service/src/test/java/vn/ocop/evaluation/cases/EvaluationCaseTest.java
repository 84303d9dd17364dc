package vn.ocop.evaluation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.contracts.dossier.EntitySummary;
import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.contracts.dossier.ProductSummary;
import vn.ocop.contracts.evaluation.CertificateRevoked;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.DossierForwarded;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.ProductScored;
import vn.ocop.evaluation.cases.domain.CaseStatus;
import vn.ocop.evaluation.cases.domain.EvaluationCase;
import vn.ocop.evaluation.scoring.domain.Verdict;

/** Given an open case, when the council's verdict is recorded, then these events. */
class EvaluationCaseTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final EvaluationCase OPEN = EvaluationCase.open("HS-1", 0, "R-1", "QD148-2023",
            CouncilLevel.DISTRICT, "30280", new EntitySummary("E-1", "HTX Tân Châu", EntityType.COOPERATIVE, null,
                    false, false), new ProductSummary("SP-1", "Lạp xưởng", 8, "THUC_PHAM"), NOW);

    @Test
    void aCertifiedVerdictIssuesACertificateValidThirtySixMonths() {
        EvaluationCase.Change change = OPEN.decide(verdict(Verdict.Outcome.CERTIFIED, "65.40", 3, null), "S-1", 1,
                "12/QĐ-UBND", LocalDate.of(2026, 11, 28), "OCOP-2026-DISTRICT-00001", 36, NOW, "officer");

        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0)).isInstanceOf(ProductScored.class);
        ProductRated rated = (ProductRated) change.events().get(1);
        assertThat(rated.stars()).isEqualTo(3);
        assertThat(rated.level()).isEqualTo(CouncilLevel.DISTRICT);
        assertThat(rated.validFrom()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(rated.validUntil()).isEqualTo(LocalDate.of(2029, 11, 28));
        assertThat(change.next().status()).isEqualTo(CaseStatus.CERTIFIED);
        assertThat(change.next().certificate().number()).isEqualTo("OCOP-2026-DISTRICT-00001");
    }

    @Test
    void aForwardedCaseStaysOpenAtTheNextLevel() {
        EvaluationCase.Change change = OPEN.decide(verdict(Verdict.Outcome.FORWARDED, "75.00", 4,
                CouncilLevel.PROVINCE), "S-1", 1, "13/QĐ-UBND", LocalDate.of(2026, 11, 28), null, 36, NOW, "officer");

        DossierForwarded forwarded = (DossierForwarded) change.events().get(1);
        assertThat(forwarded.fromLevel()).isEqualTo(CouncilLevel.DISTRICT);
        assertThat(forwarded.toLevel()).isEqualTo(CouncilLevel.PROVINCE);
        assertThat(change.next().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(change.next().level()).isEqualTo(CouncilLevel.PROVINCE);
        assertThat(change.next().decisions()).hasSize(1);
    }

    @Test
    void aRefusedVerdictChangesNothing() {
        Verdict refused = new Verdict(Verdict.Outcome.REFUSED, CouncilLevel.DISTRICT, Map.of(), null, null, null, 0, 0,
                0, 0, null, List.of(), List.of(), "decision.no-quorum", List.of(2, 5, "75", "no"));

        assertThatThrownBy(() -> OPEN.decide(refused, "S-1", 1, "1", LocalDate.of(2026, 11, 28), null, 36, NOW, "o"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("decision.no-quorum");
    }

    @Test
    void aCertificateIsRevokedOnceWithItsReason() {
        EvaluationCase certified = OPEN.decide(verdict(Verdict.Outcome.CERTIFIED, "65.40", 3, null), "S-1", 1, "12",
                LocalDate.of(2026, 11, 28), "OCOP-2026-DISTRICT-00002", 36, NOW, "officer").next();

        EvaluationCase.Change revoked = certified.revokeCertificate("Không tái đánh giá sau 36 tháng", NOW, "officer");

        assertThat(revoked.events()).singleElement().isInstanceOfSatisfying(CertificateRevoked.class,
                event -> assertThat(event.reason()).isEqualTo("Không tái đánh giá sau 36 tháng"));
        assertThatThrownBy(() -> revoked.next().revokeCertificate("again", NOW, "officer"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> certified.decide(verdict(Verdict.Outcome.CERTIFIED, "65.40", 3, null), "S-2", 1,
                "14", LocalDate.of(2026, 11, 28), "X", 36, NOW, "officer")).isInstanceOf(ConflictException.class);
    }

    private static Verdict verdict(Verdict.Outcome outcome, String score, int stars, CouncilLevel forwardTo) {
        BigDecimal value = new BigDecimal(score);
        return new Verdict(outcome, CouncilLevel.DISTRICT, Map.of("a", value, "b", value, "c", value), value,
                value.setScale(2), RoundingMode.HALF_UP, 2, stars, 5, stars, forwardTo, List.of(), List.of(), null,
                List.of());
    }
}
