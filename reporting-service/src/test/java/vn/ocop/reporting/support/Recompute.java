package vn.ocop.reporting.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ocop.chassis.outbox.OutboxEvent;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.evaluation.CertificateRevoked;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.RoundLocality;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.reporting.statistics.domain.CertificateFacts;
import vn.ocop.reporting.statistics.domain.Decision;
import vn.ocop.reporting.statistics.domain.DossierFacts;
import vn.ocop.reporting.statistics.domain.ReadModelSnapshot;
import vn.ocop.reporting.statistics.domain.RoundFacts;

/**
 * The read models recomputed in memory by folding a clean event stream (each event once, in order): the
 * reference the projections must equal, whatever the delivery looked like.
 */
public final class Recompute {

    private Recompute() {
    }

    public static ReadModelSnapshot fold(List<OutboxEvent> events) {
        Map<String, DossierFacts> dossiers = new LinkedHashMap<>();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        Map<String, CertificateFacts> certificates = new LinkedHashMap<>();
        Map<String, Boolean> revoked = new LinkedHashMap<>();
        List<RoundFacts> rounds = new ArrayList<>();
        for (OutboxEvent event : events) {
            OcopEvent body = EventJson.read(event.payload().getBytes(StandardCharsets.UTF_8),
                    EventType.fromCeType(event.type()).orElseThrow());
            switch (body) {
                case DossierSubmitted submitted -> dossiers.put(submitted.dossierId(), new DossierFacts(
                        submitted.dossierId(), submitted.roundId(), submitted.localityCode(),
                        submitted.product().criteriaSetCode(), submitted.product().productGroup(), "SUBMITTED",
                        submitted.submittedAt(), submitted.submittedAt()));
                case DossierResubmitted resubmitted -> {
                    DossierFacts before = dossiers.get(resubmitted.dossierId());
                    dossiers.put(before.dossierId(), new DossierFacts(before.dossierId(), resubmitted.roundId(),
                            resubmitted.localityCode(), before.criteriaSetCode(), before.productGroup(), "RESUBMITTED",
                            before.firstSubmittedAt(), resubmitted.resubmittedAt()));
                }
                case DossierReturned returned -> dossiers.computeIfPresent(returned.dossierId(), (id, before) ->
                        withStatus(before, "RETURNED"));
                case DossierWithdrawn withdrawn -> dossiers.computeIfPresent(withdrawn.dossierId(), (id, before) ->
                        withStatus(before, "WITHDRAWN"));
                case RoundOpened opened -> {
                    Map<String, Integer> targets = new LinkedHashMap<>();
                    for (RoundLocality locality : opened.localities()) {
                        targets.put(locality.localityCode(), locality.targetProducts());
                    }
                    rounds.add(new RoundFacts(opened.roundId(), opened.name(), targets));
                }
                case ProductRated rated -> {
                    decisions.put(event.subject(), new Decision(rated.dossierId(), "RATED", rated.ratedAt(),
                            rated.stars()));
                    certificates.put(rated.certificateNumber(), new CertificateFacts(rated.certificateNumber(),
                            rated.dossierId(), rated.localityCode(), rated.criteriaSetCode(), rated.stars(),
                            rated.validFrom(), rated.validUntil(), rated.ratedAt(), false));
                }
                case ProductNotQualified notQualified -> decisions.put(event.subject(), new Decision(
                        notQualified.dossierId(), "NOT_QUALIFIED", notQualified.decidedAt(), null));
                case CertificateRevoked revocation -> revoked.put(revocation.certificateNumber(), true);
                default -> {
                }
            }
        }
        List<CertificateFacts> withRevocations = certificates.values().stream()
                .map(certificate -> new CertificateFacts(certificate.certificateNumber(), certificate.dossierId(),
                        certificate.localityCode(), certificate.criteriaSetCode(), certificate.stars(),
                        certificate.validFrom(), certificate.validUntil(), certificate.ratedAt(),
                        revoked.containsKey(certificate.certificateNumber())))
                .toList();
        return new ReadModelSnapshot(new ArrayList<>(dossiers.values()), new ArrayList<>(decisions.values()),
                withRevocations, rounds);
    }

    private static DossierFacts withStatus(DossierFacts before, String status) {
        return new DossierFacts(before.dossierId(), before.roundId(), before.localityCode(), before.criteriaSetCode(),
                before.productGroup(), status, before.firstSubmittedAt(), before.lastSubmittedAt());
    }
}
