package vn.ocop.dossier.rounds;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.ocop.chassis.messaging.IdempotentProjection;
import vn.ocop.chassis.messaging.ReceivedEvent;
import vn.ocop.contracts.evaluation.RoundLocality;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.dossier.rounds.domain.Round;

/** Read model of the rounds (đợt) evaluation-service opened, fed by RoundOpened. */
@Component
public class RoundCatalog {

    static final String COLLECTION = "rounds";

    private final IdempotentProjection projection;
    private final MongoOperations mongo;

    RoundCatalog(IdempotentProjection projection, MongoOperations mongo) {
        this.projection = projection;
        this.mongo = mongo;
    }

    public void on(ReceivedEvent<RoundOpened> event) {
        RoundOpened round = event.body();
        projection.apply(COLLECTION, round.roundId(), event.sequence(), new Update()
                .set("name", round.name())
                .set("regimeCode", round.regimeCode())
                .set("submissionDeadline", round.submissionDeadline().toString())
                .set("localityCodes", round.localities().stream().map(RoundLocality::localityCode).toList())
                .set("openedAt", round.openedAt()));
    }

    @SuppressWarnings("unchecked")
    public Optional<Round> find(String roundId) {
        if (roundId == null) {
            return Optional.empty();
        }
        Document found = mongo.findOne(query(where("_id").is(roundId)), Document.class, COLLECTION);
        if (found == null || found.getString("submissionDeadline") == null) {
            return Optional.empty();
        }
        return Optional.of(new Round(roundId, found.getString("name"),
                LocalDate.parse(found.getString("submissionDeadline")),
                (List<String>) found.get("localityCodes", List.class)));
    }
}
