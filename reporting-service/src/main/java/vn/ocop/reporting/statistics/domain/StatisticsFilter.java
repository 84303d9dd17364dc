package vn.ocop.reporting.statistics.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;

/**
 * Which part of the programme to count. Every field is optional. {@code from}/{@code to} (inclusive dates in
 * Asia/Ho_Chi_Minh) bound the dates of the counted events: first submission for dossier figures, decision
 * date for ratings and non-qualifications; certificate states are always as of today.
 */
public record StatisticsFilter(
        String localityCode,
        String roundId,
        Integer criteriaSetCode,
        String productGroup,
        Integer stars,
        LocalDate from,
        LocalDate to) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static StatisticsFilter all() {
        return new StatisticsFilter(null, null, null, null, null, null, null);
    }

    /** The calendar year, or one quarter (1–4) of it, in Vietnam time. */
    public static Period period(Integer year, Integer quarter) {
        if (year == null) {
            return new Period(null, null);
        }
        if (quarter == null) {
            return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(start, start.plusMonths(3).minusDays(1));
    }

    public record Period(LocalDate from, LocalDate to) {
    }

    public StatisticsFilter withLocality(String code) {
        return new StatisticsFilter(code, roundId, criteriaSetCode, productGroup, stars, from, to);
    }

    public StatisticsFilter withRound(String id) {
        return new StatisticsFilter(localityCode, id, criteriaSetCode, productGroup, stars, from, to);
    }

    public StatisticsFilter withCriteriaSet(Integer code) {
        return new StatisticsFilter(localityCode, roundId, code, productGroup, stars, from, to);
    }

    public StatisticsFilter withProductGroup(String group) {
        return new StatisticsFilter(localityCode, roundId, criteriaSetCode, group, stars, from, to);
    }

    public StatisticsFilter withStars(Integer value) {
        return new StatisticsFilter(localityCode, roundId, criteriaSetCode, productGroup, value, from, to);
    }

    boolean inPeriod(Instant instant) {
        if (from == null && to == null) {
            return true;
        }
        if (instant == null) {
            return false;
        }
        LocalDate date = instant.atZone(ZONE).toLocalDate();
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    boolean matchesDossier(DossierFacts dossier) {
        return dossier != null
                && (localityCode == null || localityCode.equals(dossier.localityCode()))
                && (roundId == null || roundId.equals(dossier.roundId()))
                && (criteriaSetCode == null || criteriaSetCode.equals(dossier.criteriaSetCode()))
                && (productGroup == null || productGroup.equals(dossier.productGroup()));
    }

    /** Round and product group are only known from the dossier; the rest the certificate carries itself. */
    boolean matchesCertificate(CertificateFacts certificate, DossierFacts dossier) {
        return (localityCode == null || localityCode.equals(certificate.localityCode()))
                && (criteriaSetCode == null || criteriaSetCode.equals(certificate.criteriaSetCode()))
                && (stars == null || stars.equals(certificate.stars()))
                && (roundId == null || (dossier != null && roundId.equals(dossier.roundId())))
                && (productGroup == null || (dossier != null && productGroup.equals(dossier.productGroup())));
    }
}
