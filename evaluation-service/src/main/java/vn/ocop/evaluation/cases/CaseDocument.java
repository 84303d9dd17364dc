package vn.ocop.evaluation.cases;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;
import vn.ocop.evaluation.cases.domain.EvaluationCase;

/** The case and the events its last change raised, written together in one document. */
@Document("evaluation_cases")
class CaseDocument extends OutboxDocument {

    @Id
    String id;
    @Version
    Long version;
    @Indexed
    String dossierId;
    EvaluationCase state;

    static CaseDocument of(EvaluationCase state) {
        CaseDocument doc = new CaseDocument();
        doc.id = state.id();
        doc.dossierId = state.dossierId();
        doc.state = state;
        return doc;
    }

    void apply(EvaluationCase.Change change, Instant at) {
        state = change.next();
        change.events().forEach(event -> recordEvent(event, id, at));
    }
}
