package vn.ocop.evaluation.decisions;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Certificate numbers {@code OCOP-<year>-<level>-<sequence>}, one atomic counter per year and level. A number
 * taken by a decision that then fails to save is skipped, never reused.
 */
@Component
class CertificateNumbers {

    private final MongoOperations mongo;

    CertificateNumbers(MongoOperations mongo) {
        this.mongo = mongo;
    }

    String next(int year, String level) {
        String key = "certificate-" + year + "-" + level;
        Document counter = mongo.findAndModify(query(where("_id").is(key)), new Update().inc("value", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "counters");
        return String.format("OCOP-%d-%s-%05d", year, level, ((Number) counter.get("value")).longValue());
    }
}
