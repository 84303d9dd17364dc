package vn.ocop.evaluation.councils;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.evaluation.cases.CaseService;
import vn.ocop.evaluation.cases.domain.EvaluationCase;
import vn.ocop.evaluation.councils.CouncilDocuments.CouncilDocument;
import vn.ocop.evaluation.councils.CouncilDocuments.SessionDocument;
import vn.ocop.evaluation.councils.domain.Council;
import vn.ocop.evaluation.councils.domain.Session;

/** Councils, their members' conflicts of interest, and sessions with their assigned cases. */
@Service
public class CouncilService {

    private final MongoOperations mongo;
    private final CaseService cases;
    private final Clock clock;

    CouncilService(MongoOperations mongo, CaseService cases, Clock clock) {
        this.mongo = mongo;
        this.cases = cases;
        this.clock = clock;
    }

    public record FormCouncil(String name, CouncilLevel level, String chairId, List<String> memberIds) {
    }

    public Council form(FormCouncil command) {
        CouncilDocument doc = new CouncilDocument();
        doc.council = Council.form(UUID.randomUUID().toString(), command.name(), command.level(), command.chairId(),
                command.memberIds());
        doc.id = doc.council.id();
        mongo.insert(doc);
        return doc.council;
    }

    public Council council(String id) {
        return councilDocument(id).council;
    }

    public record DeclareConflict(String memberId, String entityId, String reason) {
    }

    /** A member declares its own conflicts; a province officer may record one for any member. */
    public Council declareConflict(String councilId, DeclareConflict command, AgencyPrincipal me) {
        String memberId = me.isProvinceOfficer() && command.memberId() != null ? command.memberId() : me.subject();
        if (!me.isProvinceOfficer() && command.memberId() != null && !command.memberId().equals(me.subject())) {
            throw new ForbiddenException("council.conflict-of-another-member");
        }
        if (command.entityId() == null || command.entityId().isBlank()) {
            throw new InvalidInputException("council.invalid",
                    List.of(FieldViolation.of("entityId", "validation.NotBlank")));
        }
        CouncilDocument doc = councilDocument(councilId);
        doc.council = doc.council.declare(new Council.Conflict(memberId, command.entityId(), command.reason(),
                me.subject(), clock.instant()));
        return mongo.save(doc).council;
    }

    public record PlanSession(String councilId, LocalDate sessionDate) {
    }

    public Session plan(PlanSession command) {
        if (command.sessionDate() == null) {
            throw new InvalidInputException("session.invalid",
                    List.of(FieldViolation.of("sessionDate", "validation.NotNull")));
        }
        Council council = council(command.councilId() == null ? "" : command.councilId());
        Instant now = clock.instant();
        SessionDocument doc = new SessionDocument();
        doc.session = new Session(UUID.randomUUID().toString(), council.id(), council.level(), command.sessionDate(),
                council.memberIds(), List.of(), Session.Status.OPEN, now, null);
        doc.id = doc.session.id();
        doc.recordEvent(doc.session.assigned(now), doc.id, now);
        mongo.insert(doc);
        return doc.session;
    }

    /**
     * Assigns cases: each must be open at the council's level, in no other open session, and its entity must not
     * be one the chair is conflicted on (quorum needs the chair). Conflicted members stay in the session but may
     * not score that case; the answer lists them.
     */
    public Map<String, Object> assign(String sessionId, List<String> caseIds) {
        SessionDocument doc = sessionDocument(sessionId);
        Council council = council(doc.session.councilId());
        List<FieldViolation> violations = new ArrayList<>();
        List<Session.AssignedCase> added = new ArrayList<>();
        List<Map<String, Object>> excluded = new ArrayList<>();
        for (int i = 0; i < caseIds.size(); i++) {
            String field = "caseIds[" + i + "]";
            EvaluationCase evaluationCase;
            try {
                evaluationCase = cases.get(caseIds.get(i));
            } catch (NotFoundException unknown) {
                violations.add(FieldViolation.of(field, "session.case-unknown", caseIds.get(i)));
                continue;
            }
            if (!evaluationCase.isOpen() || evaluationCase.level() != council.level()) {
                violations.add(FieldViolation.of(field, "session.case-not-assignable", evaluationCase.id(),
                        evaluationCase.status(), evaluationCase.level()));
                continue;
            }
            String entityId = evaluationCase.entity().entityId();
            if (council.conflicted(council.chairId(), entityId)) {
                violations.add(FieldViolation.of(field, "session.chair-conflicted", evaluationCase.id()));
                continue;
            }
            boolean elsewhere = mongo.exists(query(where("session.status").is(Session.Status.OPEN)
                    .and("session.cases.caseId").is(evaluationCase.id()).and("_id").ne(sessionId)),
                    SessionDocument.class);
            if (elsewhere) {
                violations.add(FieldViolation.of(field, "session.case-in-other-session", evaluationCase.id()));
                continue;
            }
            added.add(new Session.AssignedCase(evaluationCase.id(), evaluationCase.dossierId(), entityId));
            council.memberIds().stream().filter(m -> council.conflicted(m, entityId))
                    .forEach(m -> excluded.add(Map.of("caseId", evaluationCase.id(), "memberId", m)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("session.assignment-invalid", violations);
        }
        Instant now = clock.instant();
        doc.session = doc.session.assign(added);
        doc.recordEvent(doc.session.assigned(now), doc.id, now);
        mongo.save(doc);
        return Map.of("session", doc.session, "excludedForConflict", excluded);
    }

    public Session close(String sessionId) {
        SessionDocument doc = sessionDocument(sessionId);
        doc.session = doc.session.close(clock.instant());
        return mongo.save(doc).session;
    }

    public Session session(String id) {
        return sessionDocument(id).session;
    }

    private CouncilDocument councilDocument(String id) {
        CouncilDocument doc = mongo.findById(id, CouncilDocument.class);
        if (doc == null) {
            throw new NotFoundException("council.not-found", id);
        }
        return doc;
    }

    private SessionDocument sessionDocument(String id) {
        SessionDocument doc = mongo.findById(id, SessionDocument.class);
        if (doc == null) {
            throw new NotFoundException("session.not-found", id);
        }
        return doc;
    }

    /** Refuses a case the session does not evaluate. */
    public Session.AssignedCase assignedCase(Session session, String caseId) {
        return session.cases().stream().filter(c -> c.caseId().equals(caseId)).findFirst()
                .orElseThrow(() -> new NotFoundException("session.case-not-assigned", caseId, session.id()));
    }

    static void requireOpen(Session session) {
        if (session.status() != Session.Status.OPEN) {
            throw new ConflictException("session.closed", session.id());
        }
    }
}
