package vn.ocop.dossier.assignments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.ocop.chassis.messaging.IdempotentProjection;
import vn.ocop.chassis.messaging.ReceivedEvent;
import vn.ocop.contracts.evaluation.SessionAssigned;

/**
 * Which council members sit in which session (phiên họp) and which dossiers that session evaluates. Each
 * SessionAssigned carries the whole current make-up, so it replaces what was known of the session.
 */
@Component
public class SessionAssignments {

    static final String COLLECTION = "session_assignments";

    private final IdempotentProjection projection;
    private final MongoOperations mongo;

    SessionAssignments(IdempotentProjection projection, MongoOperations mongo) {
        this.projection = projection;
        this.mongo = mongo;
    }

    /** Returns true when the event was new (not a duplicate or an older make-up). */
    public boolean on(ReceivedEvent<SessionAssigned> event) {
        SessionAssigned session = event.body();
        return projection.apply(COLLECTION, session.sessionId(), event.sequence(), new Update()
                .set("councilId", session.councilId())
                .set("memberIds", session.memberIds())
                .set("dossierIds", session.dossierIds())
                .set("assignedAt", session.assignedAt()));
    }

    public boolean isAssigned(String memberId, String dossierId) {
        return mongo.exists(query(where("memberIds").is(memberId).and("dossierIds").is(dossierId)), COLLECTION);
    }

    @SuppressWarnings("unchecked")
    public Set<String> dossiersOf(String memberId) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document session : mongo.find(query(where("memberIds").is(memberId)), Document.class, COLLECTION)) {
            ids.addAll((List<String>) session.get("dossierIds", List.class));
        }
        return ids;
    }
}
