package vn.ocop.reporting.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import vn.ocop.chassis.outbox.OutboxEvent;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventSchemas;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.dossier.EntitySummary;
import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.contracts.dossier.ProductSummary;
import vn.ocop.contracts.dossier.ReturnReason;
import vn.ocop.contracts.evaluation.CertificateRevoked;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.DossierForwarded;
import vn.ocop.contracts.evaluation.NotQualifiedReason;
import vn.ocop.contracts.evaluation.NotQualifiedReasonCode;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.ProductScored;
import vn.ocop.contracts.evaluation.RoundLocality;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.contracts.evaluation.SessionAssigned;

/**
 * A programme's worth of dossier and evaluation events (and a SessionAssigned, which reporting skips), per aggregate and in order, as the producers' outboxes
 * would publish them: every event validated against its schema and numbered per aggregate.
 */
public final class Scenario {

    public static final List<String> LOCALITIES = List.of("883", "884", "891", "894");
    private static final String[] PRODUCTS = {"Lạp xưởng bò", "Đường thốt nốt sệt", "Trà xạ đen", "Gạo thơm Ngọc Nhân",
        "Khô cá tra phồng", "Tranh lá thốt nốt"};

    public final String runId = UUID.randomUUID().toString().substring(0, 8);
    public final String roundId = "round-" + runId;
    private final Map<String, List<OutboxEvent>> streams = new LinkedHashMap<>();
    private final Map<String, Long> sequences = new LinkedHashMap<>();
    private final LocalDate today;

    public Scenario(LocalDate today) {
        this.today = today;
    }

    /** 24 dossiers in four localities: rated, returned and resubmitted, withdrawn, not qualified, forwarded, revoked. */
    public static Scenario programme(LocalDate today) {
        Scenario scenario = new Scenario(today);
        Instant opened = Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        scenario.record(scenario.roundId, new RoundOpened(scenario.roundId, "Đợt 1 năm 2026 " + scenario.runId,
                "QD148-2023", CouncilLevel.PROVINCE, today.plusDays(30), List.of(today.plusDays(40)),
                List.of(new RoundLocality("883", 3), new RoundLocality("884", 3), new RoundLocality("891", 8),
                        new RoundLocality("894", 3)), opened, "province-officer"));
        for (int i = 0; i < 24; i++) {
            scenario.dossier(i, opened.plus(i, ChronoUnit.HOURS));
        }
        scenario.record("session-" + scenario.runId, new SessionAssigned("session-" + scenario.runId, "council-1",
                CouncilLevel.PROVINCE, today, List.of("member-1", "member-2"),
                List.of("dossier-" + scenario.runId + "-0"), opened.plus(20, ChronoUnit.DAYS)));
        return scenario;
    }

    private void dossier(int i, Instant submittedAt) {
        String dossierId = "dossier-" + runId + "-" + i;
        String caseId = "case-" + runId + "-" + i;
        String locality = LOCALITIES.get(i % LOCALITIES.size());
        String product = PRODUCTS[i % PRODUCTS.length] + " " + runId + " số " + i;
        String entity = "HTX Nông nghiệp Thoại Sơn " + i;
        int criteriaSet = 1 + i % 3;
        record(dossierId, new DossierSubmitted(dossierId, roundId, locality,
                new EntitySummary("entity-" + runId + "-" + i, entity, EntityType.COOPERATIVE, "1601234" + i, i % 2 == 0,
                        false),
                new ProductSummary("product-" + runId + "-" + i, product, criteriaSet, i % 2 == 0 ? "THUC_PHAM" : "DO_UONG"),
                5, submittedAt, "locality-officer-" + locality));
        Instant decided = submittedAt.plus(10 + i, ChronoUnit.DAYS);
        switch (i % 6) {
            case 0 -> {
                scored(caseId, dossierId, "62.50", decided.minus(1, ChronoUnit.DAYS));
                rated(caseId, dossierId, i, product, entity, locality, criteriaSet, 3, "62.50", decided,
                        i == 0 ? today.minusDays(3) : today.plusDays(i < 12 ? 45 : 800));
            }
            case 1 -> {
                record(dossierId, new DossierReturned(dossierId, locality,
                        List.of(new ReturnReason("PHIEU_DANG_KY", "Thiếu chữ ký của người đại diện")),
                        submittedAt.plus(2, ChronoUnit.DAYS), "province-officer"));
                if (i < 18) {
                    record(dossierId, new DossierResubmitted(dossierId, roundId, locality, 1,
                            submittedAt.plus(4, ChronoUnit.DAYS), "locality-officer-" + locality));
                    scored(caseId, dossierId, "75.25", decided.minus(1, ChronoUnit.DAYS));
                    rated(caseId, dossierId, i, product, entity, locality, criteriaSet, 4, "75.25", decided,
                            today.plusDays(900));
                }
            }
            case 2 -> record(dossierId, new DossierWithdrawn(dossierId, locality, "Chủ thể xin rút hồ sơ",
                    submittedAt.plus(3, ChronoUnit.DAYS), "locality-officer-" + locality));
            case 3 -> {
                scored(caseId, dossierId, "41.00", decided.minus(1, ChronoUnit.DAYS));
                record(caseId, new ProductNotQualified(caseId, dossierId, locality, new BigDecimal("41.00"), 2,
                        List.of(new NotQualifiedReason(NotQualifiedReasonCode.SCORE_BAND, "Dưới 50 điểm", null, null)),
                        decided));
            }
            case 4 -> {
                scored(caseId, dossierId, "91.00", decided.minus(2, ChronoUnit.DAYS));
                record(caseId, new DossierForwarded(caseId, dossierId, locality, new BigDecimal("91.00"), 5,
                        CouncilLevel.PROVINCE, CouncilLevel.CENTRAL, decided.minus(1, ChronoUnit.DAYS)));
                if (i >= 12) {
                    rated(caseId, dossierId, i, product, entity, locality, criteriaSet, 5, "91.00", decided,
                            today.plusDays(1000));
                }
            }
            default -> {
                scored(caseId, dossierId, "55.00", decided.minus(1, ChronoUnit.DAYS));
                String certificate = rated(caseId, dossierId, i, product, entity, locality, criteriaSet, 3, "55.00",
                        decided, today.plusDays(600));
                record(certificate, new CertificateRevoked(certificate, dossierId, "product-" + runId + "-" + i,
                        locality, "Không duy trì chất lượng sản phẩm", decided.plus(5, ChronoUnit.DAYS),
                        "province-officer"));
            }
        }
    }

    /** One more dossier of the round, submitted now, to be delivered later than the rest. */
    public List<OutboxEvent> lateDossier(int i) {
        int before = inOrder().size();
        dossier(i, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return inOrder().subList(before, inOrder().size());
    }

    private void scored(String caseId, String dossierId, String score, Instant at) {
        record(caseId, new ProductScored(caseId, dossierId, "session-" + runId, new BigDecimal(score), 5, at));
    }

    private String rated(String caseId, String dossierId, int i, String product, String entity, String locality,
            int criteriaSet, int stars, String score, Instant at, LocalDate validUntil) {
        String certificate = "GCN-" + runId + "-" + i;
        record(caseId, new ProductRated(caseId, dossierId, "product-" + runId + "-" + i, product,
                "entity-" + runId + "-" + i, entity, locality, criteriaSet, stars, new BigDecimal(score),
                stars == 5 ? CouncilLevel.CENTRAL : CouncilLevel.PROVINCE, "QĐ " + i + "/QĐ-UBND", certificate,
                validUntil.minusMonths(36), validUntil, at));
        return certificate;
    }

    public OutboxEvent record(String subject, OcopEvent event) {
        EventType type = EventType.of(event);
        byte[] json = EventJson.write(event);
        EventSchemas.requireValid(type, json);
        long sequence = sequences.merge(subject, 1L, Long::sum);
        Instant time = Instant.now();
        OutboxEvent outboxEvent = new OutboxEvent(UUID.randomUUID().toString(), type.topic(), type.source(),
                type.ceType(), subject, sequence, time, new String(json, StandardCharsets.UTF_8),
                "00-" + "0".repeat(31) + "1-" + "0".repeat(15) + "1-01");
        streams.computeIfAbsent(subject, key -> new ArrayList<>()).add(outboxEvent);
        return outboxEvent;
    }

    /** Every event once, aggregate after aggregate. */
    public List<OutboxEvent> inOrder() {
        return streams.values().stream().flatMap(List::stream).toList();
    }

    /**
     * A delivery as Kafka consumers may see it: aggregates interleaved at random (each aggregate's own order
     * kept), and about a third of the events delivered again later, after newer events of their aggregate.
     */
    public List<OutboxEvent> deliveryWithDuplicatesAndInterleaving(long seed) {
        Random random = new Random(seed);
        List<List<OutboxEvent>> pending = new ArrayList<>();
        streams.values().forEach(stream -> pending.add(new ArrayList<>(stream)));
        Map<String, List<OutboxEvent>> delivered = new LinkedHashMap<>();
        List<OutboxEvent> delivery = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<OutboxEvent> stream = pending.get(random.nextInt(pending.size()));
            OutboxEvent next = stream.remove(0);
            delivery.add(next);
            List<OutboxEvent> seen = delivered.computeIfAbsent(next.subject(), key -> new ArrayList<>());
            seen.add(next);
            if (random.nextInt(3) == 0) {
                delivery.add(seen.get(random.nextInt(seen.size())));
            }
            if (stream.isEmpty()) {
                pending.remove(stream);
            }
        }
        return delivery;
    }
}
