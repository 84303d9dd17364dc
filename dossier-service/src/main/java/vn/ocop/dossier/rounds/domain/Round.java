package vn.ocop.dossier.rounds.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An evaluation round (đợt đánh giá) as announced by evaluation-service: dossiers are accepted until the end of
 * the deadline day in Asia/Ho_Chi_Minh.
 */
public record Round(String roundId, String name, LocalDate submissionDeadline, List<String> localityCodes) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public Round {
        localityCodes = List.copyOf(localityCodes);
    }

    public boolean includes(String localityCode) {
        return localityCodes.contains(localityCode);
    }

    public boolean acceptsSubmissionAt(Instant now) {
        return now.isBefore(submissionDeadline.plusDays(1).atStartOfDay(VIETNAM).toInstant());
    }
}
