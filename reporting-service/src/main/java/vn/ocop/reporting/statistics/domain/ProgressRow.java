package vn.ocop.reporting.statistics.domain;

/**
 * A locality's progress against its round target: dossiers of the round from that locality that are not
 * withdrawn, against the target of RoundOpened.
 */
public record ProgressRow(String roundId, String roundName, String localityCode, int target, long submitted,
        long behindBy) {
}
