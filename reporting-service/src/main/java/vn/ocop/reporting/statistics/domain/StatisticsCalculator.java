package vn.ocop.reporting.statistics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes every figure from the read models as they are now: nothing is counted incrementally, so a
 * redelivered or replayed event cannot change a number.
 */
public final class StatisticsCalculator {

    public static final int EXPIRING_WITHIN_DAYS = 90;
    private static final double SECONDS_PER_DAY = 86_400d;

    private StatisticsCalculator() {
    }

    public static Statistics compute(ReadModelSnapshot snapshot, StatisticsFilter filter, GroupBy groupBy,
            LocalDate today) {
        Index index = new Index(snapshot);
        Figures totals = figures(index, filter, today);
        List<StatisticsRow> rows = new ArrayList<>();
        for (String key : keys(index, filter, groupBy)) {
            rows.add(new StatisticsRow(key, figures(index, narrow(filter, groupBy, key), today)));
        }
        return new Statistics(filter, today, groupBy, totals, rows, progress(index, filter));
    }

    public static Figures figures(ReadModelSnapshot snapshot, StatisticsFilter filter, LocalDate today) {
        return figures(new Index(snapshot), filter, today);
    }

    private static Figures figures(Index index, StatisticsFilter filter, LocalDate today) {
        List<DossierFacts> cohort = index.dossiers.values().stream()
                .filter(dossier -> dossier.firstSubmittedAt() != null)
                .filter(filter::matchesDossier)
                .filter(dossier -> filter.inPeriod(dossier.firstSubmittedAt()))
                .toList();
        long returned = cohort.stream().filter(dossier -> "RETURNED".equals(dossier.status())).count();
        long withdrawn = cohort.stream().filter(dossier -> "WITHDRAWN".equals(dossier.status())).count();
        long inEvaluation = cohort.stream().filter(dossier -> dossier.awaitingDecision()
                && index.latestDecision(dossier.dossierId())
                        .map(decision -> decision.decidedAt().isBefore(dossier.lastSubmittedAt()))
                        .orElse(true))
                .count();

        List<CertificateFacts> certificates = index.certificates.stream()
                .filter(CertificateFacts::rated)
                .filter(certificate -> filter.matchesCertificate(certificate, index.dossierOf(certificate)))
                .toList();
        Map<Integer, Long> ratedByStars = new TreeMap<>();
        for (int stars = 3; stars <= 5; stars++) {
            ratedByStars.put(stars, 0L);
        }
        certificates.stream().filter(certificate -> filter.inPeriod(certificate.ratedAt()))
                .forEach(certificate -> ratedByStars.merge(certificate.stars(), 1L, Long::sum));
        long rated = ratedByStars.values().stream().mapToLong(Long::longValue).sum();

        long notQualified = index.dossiers.values().stream()
                .filter(filter::matchesDossier)
                .filter(dossier -> filter.stars() == null)
                .map(dossier -> index.latestDecision(dossier.dossierId()).orElse(null))
                .filter(Objects::nonNull)
                .filter(decision -> decision.notQualified() && filter.inPeriod(decision.decidedAt()))
                .count();

        Map<CertificateStatus, Long> byStatus = certificates.stream()
                .collect(Collectors.groupingBy(certificate -> certificate.statusOn(today), Collectors.counting()));
        long expiring = certificates.stream()
                .filter(certificate -> certificate.expiringWithin(today, EXPIRING_WITHIN_DAYS)).count();

        return new Figures(cohort.size(), returned, withdrawn, inEvaluation, rated, ratedByStars, notQualified,
                byStatus.getOrDefault(CertificateStatus.VALID, 0L), expiring,
                byStatus.getOrDefault(CertificateStatus.EXPIRED, 0L),
                byStatus.getOrDefault(CertificateStatus.REVOKED, 0L), decisionTime(index, cohort));
    }

    private static DecisionTime decisionTime(Index index, List<DossierFacts> cohort) {
        List<Double> days = new ArrayList<>();
        for (DossierFacts dossier : cohort) {
            index.firstDecision(dossier.dossierId()).ifPresent(decision -> days.add(
                    Duration.between(dossier.firstSubmittedAt(), decision.decidedAt()).toSeconds() / SECONDS_PER_DAY));
        }
        if (days.isEmpty()) {
            return new DecisionTime(0, null, null);
        }
        days.sort(Comparator.naturalOrder());
        int n = days.size();
        double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2;
        double p90 = days.get((int) Math.ceil(0.9 * n) - 1);
        return new DecisionTime(n, oneDecimal(median), oneDecimal(p90));
    }

    private static double oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<ProgressRow> progress(Index index, StatisticsFilter filter) {
        List<ProgressRow> rows = new ArrayList<>();
        for (RoundFacts round : index.rounds) {
            if (filter.roundId() != null && !filter.roundId().equals(round.roundId())) {
                continue;
            }
            round.targets().forEach((locality, target) -> {
                if (filter.localityCode() != null && !filter.localityCode().equals(locality)) {
                    return;
                }
                long submitted = index.dossiers.values().stream()
                        .filter(dossier -> round.roundId().equals(dossier.roundId())
                                && locality.equals(dossier.localityCode())
                                && dossier.firstSubmittedAt() != null
                                && !"WITHDRAWN".equals(dossier.status()))
                        .count();
                rows.add(new ProgressRow(round.roundId(), round.name(), locality, target, submitted,
                        Math.max(0, target - submitted)));
            });
        }
        rows.sort(Comparator.comparingLong(ProgressRow::behindBy).reversed()
                .thenComparing(ProgressRow::roundId).thenComparing(ProgressRow::localityCode));
        return rows;
    }

    private static List<String> keys(Index index, StatisticsFilter filter, GroupBy groupBy) {
        if (groupBy == GroupBy.STARS) {
            return List.of("3", "4", "5");
        }
        TreeSet<String> keys = new TreeSet<>();
        index.dossiers.values().stream().filter(filter::matchesDossier).forEach(dossier -> add(keys, switch (groupBy) {
            case LOCALITY -> dossier.localityCode();
            case CRITERIA_SET -> Objects.toString(dossier.criteriaSetCode(), null);
            case PRODUCT_GROUP -> dossier.productGroup();
            default -> dossier.roundId();
        }));
        index.certificates.stream().filter(CertificateFacts::rated)
                .filter(certificate -> filter.matchesCertificate(certificate, index.dossierOf(certificate)))
                .forEach(certificate -> {
                    DossierFacts dossier = index.dossierOf(certificate);
                    add(keys, switch (groupBy) {
                        case LOCALITY -> certificate.localityCode();
                        case CRITERIA_SET -> Objects.toString(certificate.criteriaSetCode(), null);
                        case PRODUCT_GROUP -> dossier == null ? null : dossier.productGroup();
                        default -> dossier == null ? null : dossier.roundId();
                    });
                });
        return new ArrayList<>(keys);
    }

    private static void add(TreeSet<String> keys, String key) {
        if (key != null) {
            keys.add(key);
        }
    }

    private static StatisticsFilter narrow(StatisticsFilter filter, GroupBy groupBy, String key) {
        return switch (groupBy) {
            case LOCALITY -> filter.withLocality(key);
            case CRITERIA_SET -> filter.withCriteriaSet(Integer.valueOf(key));
            case PRODUCT_GROUP -> filter.withProductGroup(key);
            case ROUND -> filter.withRound(key);
            case STARS -> filter.withStars(Integer.valueOf(key));
        };
    }

    private static final class Index {
        final Map<String, DossierFacts> dossiers;
        final Map<String, List<Decision>> decisions;
        final List<CertificateFacts> certificates;
        final List<RoundFacts> rounds;

        Index(ReadModelSnapshot snapshot) {
            this.dossiers = snapshot.dossiers().stream().filter(dossier -> dossier.dossierId() != null)
                    .collect(Collectors.toMap(DossierFacts::dossierId, Function.identity(), (a, b) -> a, TreeMap::new));
            this.decisions = snapshot.decisions().stream().filter(decision -> decision.decidedAt() != null)
                    .collect(Collectors.groupingBy(Decision::dossierId));
            this.certificates = snapshot.certificates();
            this.rounds = snapshot.rounds();
        }

        DossierFacts dossierOf(CertificateFacts certificate) {
            return certificate.dossierId() == null ? null : dossiers.get(certificate.dossierId());
        }

        java.util.Optional<Decision> latestDecision(String dossierId) {
            return decisions.getOrDefault(dossierId, List.of()).stream().max(Comparator.comparing(Decision::decidedAt));
        }

        java.util.Optional<Decision> firstDecision(String dossierId) {
            return decisions.getOrDefault(dossierId, List.of()).stream().min(Comparator.comparing(Decision::decidedAt));
        }
    }
}
