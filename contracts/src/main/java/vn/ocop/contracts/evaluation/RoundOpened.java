package vn.ocop.contracts.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import vn.ocop.contracts.OcopEvent;

/**
 * An evaluation round (đợt đánh giá) was opened: dossiers are accepted until the submission deadline.
 *
 * @param regimeCode the rulebook the round applies, e.g. {@code QD148-2023}
 */
public record RoundOpened(
        String roundId,
        String name,
        String regimeCode,
        CouncilLevel level,
        LocalDate submissionDeadline,
        List<LocalDate> plannedSessionDates,
        List<RoundLocality> localities,
        Instant openedAt,
        String openedBy) implements OcopEvent {

    public RoundOpened {
        plannedSessionDates =
                List.copyOf(Objects.requireNonNull(plannedSessionDates, "plannedSessionDates is required"));
        localities = List.copyOf(Objects.requireNonNull(localities, "localities is required"));
    }
}
