package vn.ocop.reporting.statistics.domain;

import java.time.Instant;

/** The decision an evaluation reached for a dossier: RATED (ProductRated) or NOT_QUALIFIED (ProductNotQualified). */
public record Decision(String dossierId, String kind, Instant decidedAt, Integer stars) {

    public boolean notQualified() {
        return "NOT_QUALIFIED".equals(kind);
    }
}
