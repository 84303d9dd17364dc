package vn.ocop.reporting.statistics.domain;

import java.util.List;

/** Everything the statistics are computed from: the read models of one generation at one moment. */
public record ReadModelSnapshot(
        List<DossierFacts> dossiers,
        List<Decision> decisions,
        List<CertificateFacts> certificates,
        List<RoundFacts> rounds) {

    public ReadModelSnapshot {
        dossiers = List.copyOf(dossiers);
        decisions = List.copyOf(decisions);
        certificates = List.copyOf(certificates);
        rounds = List.copyOf(rounds);
    }
}
