package vn.ocop.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ocop.reporting.statistics.domain.CertificateFacts;
import vn.ocop.reporting.statistics.domain.Decision;
import vn.ocop.reporting.statistics.domain.DossierFacts;
import vn.ocop.reporting.statistics.domain.Figures;
import vn.ocop.reporting.statistics.domain.ReadModelSnapshot;
import vn.ocop.reporting.statistics.domain.RoundFacts;
import vn.ocop.reporting.statistics.domain.StatisticsCalculator;
import vn.ocop.reporting.statistics.domain.StatisticsFilter;

class StatisticsCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Instant SUBMITTED = Instant.parse("2026-07-01T01:00:00Z");

    @Test
    void quartersAreCalendarQuartersInVietnamTime() {
        StatisticsFilter.Period q3 = StatisticsFilter.period(2026, 3);
        assertThat(q3.from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.to()).isEqualTo(LocalDate.of(2026, 9, 30));
        StatisticsFilter filter = new StatisticsFilter(null, null, null, null, null, q3.from(), q3.to());
        DossierFacts lateJuneInUtcButJulyInVietnam = dossier("a", Instant.parse("2026-06-30T17:30:00Z"));
        DossierFacts lateSeptemberInUtcButOctoberInVietnam = dossier("b", Instant.parse("2026-09-30T17:30:00Z"));
        Figures figures = StatisticsCalculator.figures(snapshot(List.of(lateJuneInUtcButJulyInVietnam,
                lateSeptemberInUtcButOctoberInVietnam), List.of(), List.of()), filter, TODAY);
        assertThat(figures.submitted()).isEqualTo(1);
    }

    @Test
    void medianAndNinetiethPercentileOfDaysToDecision() {
        List<DossierFacts> dossiers = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        int[] days = {10, 20, 30, 40};
        for (int i = 0; i < days.length; i++) {
            dossiers.add(dossier("d" + i, SUBMITTED));
            decisions.add(new Decision("d" + i, i == 0 ? "NOT_QUALIFIED" : "RATED",
                    SUBMITTED.plusSeconds(days[i] * 86_400L), i == 0 ? null : 3));
        }
        decisions.add(new Decision("d0", "RATED", SUBMITTED.plusSeconds(99 * 86_400L), 3));
        Figures figures = StatisticsCalculator.figures(snapshot(dossiers, decisions, List.of()), StatisticsFilter.all(),
                TODAY);
        assertThat(figures.decisionTime().decided()).isEqualTo(4);
        assertThat(figures.decisionTime().medianDays()).as("first decisions 10, 20, 30, 40").isEqualTo(25.0);
        assertThat(figures.decisionTime().p90Days()).as("nearest rank: the 4th of 4").isEqualTo(40.0);
        assertThat(figures.notQualified()).as("d0's latest decision is a rating").isZero();
        assertThat(figures.inEvaluation()).isZero();
    }

    @Test
    void certificateStatesAreAsOfTodayWithTheNinetyDayWindowInclusive() {
        List<CertificateFacts> certificates = List.of(
                certificate("today", TODAY, false),
                certificate("in-90-days", TODAY.plusDays(90), false),
                certificate("in-91-days", TODAY.plusDays(91), false),
                certificate("yesterday", TODAY.minusDays(1), false),
                certificate("revoked", TODAY.plusDays(10), true));
        Figures figures = StatisticsCalculator.figures(snapshot(List.of(), List.of(), certificates),
                StatisticsFilter.all(), TODAY);
        assertThat(figures.certificatesValid()).isEqualTo(3);
        assertThat(figures.certificatesExpiringWithin90Days()).isEqualTo(2);
        assertThat(figures.certificatesExpired()).isEqualTo(1);
        assertThat(figures.certificatesRevoked()).isEqualTo(1);
        assertThat(figures.ratedByStars()).isEqualTo(Map.of(3, 0L, 4, 5L, 5, 0L));
    }

    private static DossierFacts dossier(String id, Instant submitted) {
        return new DossierFacts(id, "r1", "883", 1, "THUC_PHAM", "SUBMITTED", submitted, submitted);
    }

    private static CertificateFacts certificate(String number, LocalDate validUntil, boolean revoked) {
        return new CertificateFacts(number, null, "883", 1, 4, validUntil.minusMonths(36), validUntil, SUBMITTED, revoked);
    }

    private static ReadModelSnapshot snapshot(List<DossierFacts> dossiers, List<Decision> decisions,
            List<CertificateFacts> certificates) {
        return new ReadModelSnapshot(dossiers, decisions, certificates, List.<RoundFacts>of());
    }
}
