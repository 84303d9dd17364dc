package vn.ocop.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;

import vn.ocop.reporting.statistics.domain.ReadModelSnapshot;

/** The part of a shared read model that belongs to one scenario (tests share one database). */
public final class Snapshots {

    private Snapshots() {
    }

    public static ReadModelSnapshot of(ReadModelSnapshot all, Scenario scenario) {
        String mark = "-" + scenario.runId + "-";
        return new ReadModelSnapshot(
                all.dossiers().stream().filter(dossier -> dossier.dossierId() != null && dossier.dossierId().contains(mark)).toList(),
                all.decisions().stream().filter(decision -> decision.dossierId().contains(mark)).toList(),
                all.certificates().stream().filter(certificate -> certificate.certificateNumber().contains(mark)).toList(),
                all.rounds().stream().filter(round -> scenario.roundId.equals(round.roundId())).toList());
    }

    public static void assertSame(ReadModelSnapshot actual, ReadModelSnapshot expected) {
        assertThat(actual.dossiers()).containsExactlyInAnyOrderElementsOf(expected.dossiers());
        assertThat(actual.decisions()).containsExactlyInAnyOrderElementsOf(expected.decisions());
        assertThat(actual.certificates()).containsExactlyInAnyOrderElementsOf(expected.certificates());
        assertThat(actual.rounds()).containsExactlyInAnyOrderElementsOf(expected.rounds());
    }
}
