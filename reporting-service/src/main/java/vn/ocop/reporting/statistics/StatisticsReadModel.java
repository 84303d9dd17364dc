package vn.ocop.reporting.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.ocop.reporting.projection.Generations;
import vn.ocop.reporting.statistics.domain.CertificateFacts;
import vn.ocop.reporting.statistics.domain.Decision;
import vn.ocop.reporting.statistics.domain.DossierFacts;
import vn.ocop.reporting.statistics.domain.ReadModelSnapshot;
import vn.ocop.reporting.statistics.domain.RoundFacts;

/** Reads one generation of the read models into plain facts for the statistics. */
@Component
public class StatisticsReadModel {

    private final MongoOperations mongo;
    private final Generations generations;

    public StatisticsReadModel(MongoOperations mongo, Generations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    public ReadModelSnapshot active() {
        return generation(generations.active());
    }

    public ReadModelSnapshot generation(int generation) {
        List<DossierFacts> dossiers = all(Generations.DOSSIERS, generation).stream().map(StatisticsReadModel::dossier).toList();
        List<Decision> decisions = all(Generations.OUTCOMES, generation).stream()
                .filter(outcome -> outcome.getString("decision") != null)
                .map(outcome -> new Decision(outcome.getString("dossierId"), outcome.getString("decision"),
                        instant(outcome, "decidedAt"), outcome.getInteger("stars")))
                .toList();
        List<CertificateFacts> certificates = all(Generations.CERTIFICATES, generation).stream()
                .map(StatisticsReadModel::certificate).toList();
        List<RoundFacts> rounds = all(Generations.ROUNDS, generation).stream().map(StatisticsReadModel::round).toList();
        return new ReadModelSnapshot(dossiers, decisions, certificates, rounds);
    }

    private List<Document> all(String kind, int generation) {
        return mongo.find(new Query(), Document.class, Generations.collection(kind, generation));
    }

    static DossierFacts dossier(Document document) {
        return new DossierFacts(document.getString("dossierId"), document.getString("roundId"),
                document.getString("localityCode"), document.getInteger("criteriaSetCode"),
                document.getString("productGroup"), document.getString("status"),
                instant(document, "firstSubmittedAt"), instant(document, "lastSubmittedAt"));
    }

    static CertificateFacts certificate(Document document) {
        return new CertificateFacts(document.getString("_id"), document.getString("dossierId"),
                document.getString("localityCode"), document.getInteger("criteriaSetCode"),
                document.getInteger("stars"), date(document, "validFrom"), date(document, "validUntil"),
                instant(document, "ratedAt"), Boolean.TRUE.equals(document.getBoolean("revoked")));
    }

    static RoundFacts round(Document document) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        List<Document> localities = document.getList("localities", Document.class, List.of());
        localities.forEach(locality -> targets.put(locality.getString("localityCode"),
                locality.getInteger("targetProducts")));
        return new RoundFacts(document.getString("roundId"), document.getString("name"), targets);
    }

    static Instant instant(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Date date ? date.toInstant() : null;
    }

    static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
