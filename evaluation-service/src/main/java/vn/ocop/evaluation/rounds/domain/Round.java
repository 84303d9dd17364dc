package vn.ocop.evaluation.rounds.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.RoundLocality;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.evaluation.rulebook.domain.Regime;

/**
 * An evaluation round (đợt đánh giá): a regime, a council level, a submission deadline (a date in
 * Asia/Ho_Chi_Minh), planned session dates and the localities taking part with their targets.
 */
public record Round(String id, String name, String regimeCode, CouncilLevel level, LocalDate submissionDeadline,
        List<LocalDate> plannedSessionDates, List<RoundLocality> localities, Instant openedAt, String openedBy) {

    public Round {
        plannedSessionDates = List.copyOf(plannedSessionDates);
        localities = List.copyOf(localities);
    }

    /** Opens a round, refusing (422, every problem at once) what the regime or the calendar does not allow. */
    public static Round open(String id, String name, Regime regime, CouncilLevel level, LocalDate deadline,
            List<LocalDate> sessionDates, List<RoundLocality> localities, LocalDate today, Instant now,
            String openedBy) {
        List<FieldViolation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(FieldViolation.of("name", "validation.NotBlank"));
        }
        if (!regime.isInForceOn(today)) {
            violations.add(FieldViolation.of("regimeCode", "round.regime-not-in-force", regime.code(), today));
        }
        if (level == null) {
            violations.add(FieldViolation.of("level", "validation.NotNull"));
        } else if (regime.powersOf(level).isEmpty()) {
            violations.add(FieldViolation.of("level", "round.level-not-in-regime", level, regime.code()));
        }
        if (deadline == null) {
            violations.add(FieldViolation.of("submissionDeadline", "validation.NotNull"));
        } else if (deadline.isBefore(today)) {
            violations.add(FieldViolation.of("submissionDeadline", "round.deadline-past", deadline));
        }
        List<LocalDate> dates = sessionDates == null ? List.of() : sessionDates;
        for (int i = 0; i < dates.size(); i++) {
            if (deadline != null && dates.get(i) != null && !dates.get(i).isAfter(deadline)) {
                violations.add(FieldViolation.of("plannedSessionDates[" + i + "]", "round.session-before-deadline",
                        dates.get(i), deadline));
            }
        }
        List<RoundLocality> taking = localities == null ? List.of() : localities;
        if (taking.isEmpty()) {
            violations.add(FieldViolation.of("localities", "validation.NotEmpty"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < taking.size(); i++) {
            RoundLocality locality = taking.get(i);
            if (locality.localityCode() == null || locality.localityCode().isBlank()) {
                violations.add(FieldViolation.of("localities[" + i + "].localityCode", "validation.NotBlank"));
            } else if (!seen.add(locality.localityCode())) {
                violations.add(FieldViolation.of("localities[" + i + "].localityCode", "round.locality-duplicate",
                        locality.localityCode()));
            }
            if (locality.targetProducts() < 0) {
                violations.add(FieldViolation.of("localities[" + i + "].targetProducts", "validation.PositiveOrZero"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("round.invalid", violations);
        }
        return new Round(id, name.strip(), regime.code(), level, deadline, dates, taking, now, openedBy);
    }

    public RoundOpened opened() {
        return new RoundOpened(id, name, regimeCode, level, submissionDeadline, plannedSessionDates, localities,
                openedAt, openedBy);
    }
}
