package vn.ocop.evaluation.rounds;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;
import vn.ocop.evaluation.rounds.domain.Round;

@Document("rounds")
class RoundDocument extends OutboxDocument {

    @Id
    String id;
    @Version
    Long version;
    Round round;

    static RoundDocument opened(Round round) {
        RoundDocument doc = new RoundDocument();
        doc.id = round.id();
        doc.round = round;
        doc.recordEvent(round.opened(), round.id(), round.openedAt());
        return doc;
    }
}
