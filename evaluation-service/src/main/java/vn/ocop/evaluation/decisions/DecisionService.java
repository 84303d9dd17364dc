package vn.ocop.evaluation.decisions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.evaluation.cases.CaseService;
import vn.ocop.evaluation.cases.domain.EvaluationCase;
import vn.ocop.evaluation.councils.CouncilService;
import vn.ocop.evaluation.councils.ScoreSheetService;
import vn.ocop.evaluation.councils.domain.Council;
import vn.ocop.evaluation.councils.domain.Session;
import vn.ocop.evaluation.rounds.RoundService;
import vn.ocop.evaluation.rulebook.RulebookService;
import vn.ocop.evaluation.rulebook.domain.Regime;
import vn.ocop.evaluation.scoring.domain.Panel;
import vn.ocop.evaluation.scoring.domain.ScoringEngine;
import vn.ocop.evaluation.scoring.domain.Verdict;

/**
 * Decides a case from the signed sheets of its session: the engine applies the case's regime at the session's
 * level; the case records the decision and raises ProductScored and ProductRated / DossierForwarded /
 * ProductNotQualified in the same write.
 */
@Service
class DecisionService {

    private final CaseService cases;
    private final CouncilService councils;
    private final ScoreSheetService sheets;
    private final RulebookService rulebook;
    private final CertificateNumbers numbers;
    private final Clock clock;

    DecisionService(CaseService cases, CouncilService councils, ScoreSheetService sheets, RulebookService rulebook,
            CertificateNumbers numbers, Clock clock) {
        this.cases = cases;
        this.councils = councils;
        this.sheets = sheets;
        this.rulebook = rulebook;
        this.numbers = numbers;
        this.clock = clock;
    }

    record Decide(String decisionNumber, LocalDate decisionDate) {
    }

    EvaluationCase decide(String sessionId, String caseId, Decide command, String officer) {
        if (command.decisionNumber() == null || command.decisionNumber().isBlank()) {
            throw new InvalidInputException("decision.invalid",
                    List.of(FieldViolation.of("decisionNumber", "validation.NotBlank")));
        }
        Session session = councils.session(sessionId);
        councils.assignedCase(session, caseId);
        Council council = councils.council(session.councilId());
        EvaluationCase evaluationCase = cases.get(caseId);
        if (!evaluationCase.isOpen()) {
            throw new ConflictException("case.not-open", caseId, evaluationCase.status());
        }
        if (evaluationCase.level() != session.level()) {
            throw new ConflictException("decision.level-mismatch", caseId, evaluationCase.level(), session.level());
        }
        Regime regime = rulebook.regime(evaluationCase.regimeCode());
        ScoreSheetService.Signed signed = sheets.signed(sessionId, caseId);
        if (signed.sheets().isEmpty()) {
            throw new ConflictException("decision.no-quorum", 0, council.eligibleFor(
                    evaluationCase.entity().entityId()).size(), "75", "no");
        }
        var sheet = rulebook.sheetVersion(signed.sheetSet(), signed.criteriaSet(), signed.sheetVersion()).sheet();
        Panel panel = new Panel(council.chairId(), council.eligibleFor(evaluationCase.entity().entityId()));
        Verdict verdict = ScoringEngine.decide(regime, session.level(), sheet, panel, signed.sheets());
        LocalDate decisionDate = command.decisionDate() != null ? command.decisionDate()
                : LocalDate.now(clock.withZone(RoundService.VIETNAM));
        String certificate = verdict.outcome() == Verdict.Outcome.CERTIFIED
                ? numbers.next(decisionDate.getYear(), session.level().name())
                : null;
        return cases.change(caseId, current -> current.decide(verdict, sessionId, signed.sheetVersion(),
                command.decisionNumber().strip(), decisionDate, certificate, regime.certificateValidityMonths(),
                clock.instant(), officer));
    }
}
