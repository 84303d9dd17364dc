package vn.ocop.evaluation.councils;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.evaluation.cases.CaseService;
import vn.ocop.evaluation.cases.domain.EvaluationCase;
import vn.ocop.evaluation.councils.CouncilDocuments.MemberSheetDocument;
import vn.ocop.evaluation.councils.domain.Council;
import vn.ocop.evaluation.councils.domain.Session;
import vn.ocop.evaluation.councils.domain.SheetChoices;
import vn.ocop.evaluation.rulebook.RulebookService;
import vn.ocop.evaluation.rulebook.domain.ScoreSheet;
import vn.ocop.evaluation.scoring.domain.MemberSheet;
import vn.ocop.evaluation.scoring.domain.ScoringEngine;

/**
 * Members' score sheets (phiếu chấm điểm): a member fills only its own, for a case of its session it is not
 * conflicted on; a draft may be partial, signing needs every criterion and locks the sheet for ever. Until the
 * session closes a member reads only its own sheets; province officers read all.
 */
@Service
public class ScoreSheetService {

    private final MongoOperations mongo;
    private final CouncilService councils;
    private final CaseService cases;
    private final RulebookService rulebook;
    private final Clock clock;

    ScoreSheetService(MongoOperations mongo, CouncilService councils, CaseService cases, RulebookService rulebook,
            Clock clock) {
        this.mongo = mongo;
        this.councils = councils;
        this.cases = cases;
        this.rulebook = rulebook;
        this.clock = clock;
    }

    public record SheetView(String sessionId, String caseId, String memberId, String sheetSet, int criteriaSet,
            int sheetVersion, List<SheetChoices.Choice> choices, BigDecimal total, String status, Instant updatedAt,
            Instant signedAt) {

        static SheetView of(MemberSheetDocument doc) {
            return new SheetView(doc.sessionId, doc.caseId, doc.memberId, doc.sheetSet, doc.criteriaSet,
                    doc.sheetVersion, doc.choices, doc.total, doc.status.name(), doc.updatedAt, doc.signedAt);
        }
    }

    public SheetView save(String sessionId, String caseId, String memberId, List<SheetChoices.Choice> choices,
            AgencyPrincipal me) {
        Context context = memberContext(sessionId, caseId, memberId, me);
        CouncilService.requireOpen(context.session());
        MemberSheetDocument doc = mongo.findById(MemberSheetDocument.idOf(sessionId, caseId, memberId),
                MemberSheetDocument.class);
        if (doc == null) {
            var active = rulebook.activeSheet(context.sheetSet(), context.evaluationCase().product().criteriaSetCode())
                    .orElseThrow(() -> new ConflictException("sheet.no-active-sheet",
                            context.evaluationCase().product().criteriaSetCode(), context.sheetSet()));
            doc = new MemberSheetDocument();
            doc.id = MemberSheetDocument.idOf(sessionId, caseId, memberId);
            doc.sessionId = sessionId;
            doc.caseId = caseId;
            doc.memberId = memberId;
            doc.sheetSet = active.sheetSet();
            doc.criteriaSet = active.criteriaSet();
            doc.sheetVersion = active.version();
        } else if (doc.status == MemberSheetDocument.Status.SIGNED) {
            throw new ConflictException("sheet.locked", memberId, caseId);
        }
        ScoreSheet sheet = rulebook.sheetVersion(doc.sheetSet, doc.criteriaSet, doc.sheetVersion).sheet();
        List<SheetChoices.Choice> given = choices == null ? List.of() : choices;
        var violations = SheetChoices.violations(sheet, given);
        if (!violations.isEmpty()) {
            throw new InvalidInputException("sheet.invalid", violations);
        }
        doc.choices = new ArrayList<>(given);
        doc.total = ScoringEngine.total(sheet, new MemberSheet(memberId, SheetChoices.asMap(given)));
        doc.status = MemberSheetDocument.Status.DRAFT;
        doc.updatedAt = clock.instant();
        return SheetView.of(mongo.save(doc));
    }

    public SheetView sign(String sessionId, String caseId, String memberId, AgencyPrincipal me) {
        Context context = memberContext(sessionId, caseId, memberId, me);
        CouncilService.requireOpen(context.session());
        MemberSheetDocument doc = document(sessionId, caseId, memberId);
        if (doc.status == MemberSheetDocument.Status.SIGNED) {
            throw new ConflictException("sheet.locked", memberId, caseId);
        }
        ScoreSheet sheet = rulebook.sheetVersion(doc.sheetSet, doc.criteriaSet, doc.sheetVersion).sheet();
        var missing = SheetChoices.missing(sheet, doc.choices);
        if (!missing.isEmpty()) {
            throw new InvalidInputException("sheet.incomplete", missing);
        }
        doc.status = MemberSheetDocument.Status.SIGNED;
        doc.signedAt = clock.instant();
        return SheetView.of(mongo.save(doc));
    }

    /**
     * Sends a case back for re-scoring (e.g. members' totals too far apart): every signed sheet of the case in the
     * session becomes a draft again; its signed content is kept in the sheet's history with who, when and why.
     */
    public List<SheetView> reopenForRescoring(String sessionId, String caseId, String reason, String officer) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("sheet.rescoring-invalid",
                    List.of(vn.ocop.chassis.errors.FieldViolation.of("reason", "validation.NotBlank")));
        }
        Session session = councils.session(sessionId);
        CouncilService.requireOpen(session);
        councils.assignedCase(session, caseId);
        EvaluationCase evaluationCase = cases.get(caseId);
        if (!evaluationCase.isOpen()) {
            throw new ConflictException("case.not-open", caseId, evaluationCase.status());
        }
        Instant now = clock.instant();
        List<SheetView> reopened = new ArrayList<>();
        for (MemberSheetDocument doc : mongo.find(query(where("sessionId").is(sessionId).and("caseId").is(caseId)
                .and("status").is(MemberSheetDocument.Status.SIGNED)), MemberSheetDocument.class)) {
            doc.rescored.add(new MemberSheetDocument.Rescored(List.copyOf(doc.choices), doc.total, doc.signedAt, now,
                    officer, reason.strip()));
            doc.status = MemberSheetDocument.Status.DRAFT;
            doc.signedAt = null;
            doc.updatedAt = now;
            reopened.add(SheetView.of(mongo.save(doc)));
        }
        return reopened;
    }

    public SheetView read(String sessionId, String caseId, String memberId, AgencyPrincipal me) {
        Session session = councils.session(sessionId);
        mayRead(session, memberId, me);
        return SheetView.of(document(sessionId, caseId, memberId));
    }

    public List<SheetView> readAll(String sessionId, String caseId, AgencyPrincipal me) {
        Session session = councils.session(sessionId);
        if (!me.isProvinceOfficer() && !session.memberIds().contains(me.subject())) {
            throw new ForbiddenException("council.not-a-member-reader");
        }
        boolean all = me.isProvinceOfficer() || session.status() == Session.Status.CLOSED;
        var criteria = where("sessionId").is(sessionId).and("caseId").is(caseId);
        if (!all) {
            criteria = criteria.and("memberId").is(me.subject());
        }
        return mongo.find(query(criteria).with(Sort.by("memberId")), MemberSheetDocument.class).stream()
                .map(SheetView::of).toList();
    }

    /** The signed sheets of a case in a session, with the sheet version they were filled on. */
    public record Signed(int sheetVersion, String sheetSet, int criteriaSet, List<MemberSheet> sheets) {
    }

    public Signed signed(String sessionId, String caseId) {
        List<MemberSheetDocument> docs = mongo.find(query(where("sessionId").is(sessionId).and("caseId").is(caseId)
                .and("status").is(MemberSheetDocument.Status.SIGNED)), MemberSheetDocument.class);
        if (docs.isEmpty()) {
            return new Signed(0, null, 0, List.of());
        }
        long versions = docs.stream().map(d -> d.sheetSet + d.criteriaSet + "v" + d.sheetVersion).distinct().count();
        if (versions > 1) {
            throw new ConflictException("decision.mixed-sheet-versions", caseId);
        }
        MemberSheetDocument first = docs.get(0);
        return new Signed(first.sheetVersion, first.sheetSet, first.criteriaSet, docs.stream()
                .map(d -> new MemberSheet(d.memberId, SheetChoices.asMap(d.choices))).toList());
    }

    private void mayRead(Session session, String memberId, AgencyPrincipal me) {
        if (me.isProvinceOfficer() || memberId.equals(me.subject())) {
            return;
        }
        if (session.status() == Session.Status.CLOSED && session.memberIds().contains(me.subject())) {
            return;
        }
        throw new ForbiddenException("sheet.not-yours");
    }

    private record Context(Session session, Council council, EvaluationCase evaluationCase, String sheetSet) {
    }

    private Context memberContext(String sessionId, String caseId, String memberId, AgencyPrincipal me) {
        if (!memberId.equals(me.subject())) {
            throw new ForbiddenException("sheet.not-yours");
        }
        Session session = councils.session(sessionId);
        Council council = councils.council(session.councilId());
        if (!council.isMember(memberId)) {
            throw new ForbiddenException("sheet.not-a-member", council.name());
        }
        councils.assignedCase(session, caseId);
        EvaluationCase evaluationCase = cases.get(caseId);
        if (council.conflicted(memberId, evaluationCase.entity().entityId())) {
            throw new ForbiddenException("sheet.conflict-of-interest", evaluationCase.entity().name());
        }
        if (!evaluationCase.isOpen()) {
            throw new ConflictException("case.not-open", caseId, evaluationCase.status());
        }
        String sheetSet = rulebook.regime(evaluationCase.regimeCode()).sheetSet();
        return new Context(session, council, evaluationCase, sheetSet);
    }

    private MemberSheetDocument document(String sessionId, String caseId, String memberId) {
        MemberSheetDocument doc = mongo.findById(MemberSheetDocument.idOf(sessionId, caseId, memberId),
                MemberSheetDocument.class);
        if (doc == null) {
            throw new NotFoundException("sheet.not-found", memberId, caseId);
        }
        return doc;
    }
}
