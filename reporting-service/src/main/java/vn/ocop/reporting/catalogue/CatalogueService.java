package vn.ocop.reporting.catalogue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ocop.reporting.localities.Localities;
import vn.ocop.reporting.projection.Generations;
import vn.ocop.reporting.projection.SearchText;

/**
 * The public catalogue: certificates that are valid today (not revoked, not expired), searched without regard
 * to Vietnamese diacritics in product and entity names.
 */
@Service
public class CatalogueService {

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private final MongoOperations mongo;
    private final Generations generations;
    private final Localities localities;
    private final Clock clock;

    public CatalogueService(MongoOperations mongo, Generations generations, Localities localities, Clock clock) {
        this.mongo = mongo;
        this.generations = generations;
        this.localities = localities;
        this.clock = clock;
    }

    public record Search(String text, String localityCode, Integer stars, Integer criteriaSetCode, int page, int size) {
    }

    public CataloguePage search(Search search) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(where("stars").exists(true));
        criteria.add(where("revoked").ne(true));
        criteria.add(where("validUntil").gte(today.toString()));
        if (search.text() != null && !SearchText.normalize(search.text()).isEmpty()) {
            criteria.add(where("searchText").regex(SearchText.containsRegex(search.text())));
        }
        if (search.localityCode() != null) {
            criteria.add(where("localityCode").is(search.localityCode()));
        }
        if (search.stars() != null) {
            criteria.add(where("stars").is(search.stars()));
        }
        if (search.criteriaSetCode() != null) {
            criteria.add(where("criteriaSetCode").is(search.criteriaSetCode()));
        }
        Query query = new Query(new Criteria().andOperator(criteria.toArray(Criteria[]::new)));
        String collection = generations.activeCollection(Generations.CERTIFICATES);
        long total = mongo.count(query, collection);
        query.with(Sort.by(Sort.Order.desc("stars"), Sort.Order.asc("sortName"), Sort.Order.asc("_id")))
                .skip((long) search.page() * search.size()).limit(search.size());
        List<CatalogueProduct> items = mongo.find(query, Document.class, collection).stream().map(this::product).toList();
        return new CataloguePage(items, search.page(), search.size(), total,
                (int) ((total + search.size() - 1) / search.size()));
    }

    private CatalogueProduct product(Document certificate) {
        return new CatalogueProduct(certificate.getString("certificateNumber"), certificate.getString("productName"),
                certificate.getString("entityName"), certificate.getString("localityCode"),
                localities.name(certificate.getString("localityCode")), certificate.getInteger("criteriaSetCode", 0),
                certificate.getInteger("stars", 0), LocalDate.parse(certificate.getString("validFrom")),
                LocalDate.parse(certificate.getString("validUntil")));
    }
}
