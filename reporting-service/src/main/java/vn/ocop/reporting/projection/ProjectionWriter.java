package vn.ocop.reporting.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.function.IntSupplier;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.chassis.messaging.EventDispatcher;
import vn.ocop.chassis.messaging.IdempotentProjection;
import vn.ocop.chassis.messaging.ReceivedEvent;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.evaluation.CertificateRevoked;
import vn.ocop.contracts.evaluation.DossierForwarded;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.ProductScored;
import vn.ocop.contracts.evaluation.RoundOpened;

/**
 * Applies dossier and evaluation events to the read models of one generation. Every write is either one
 * conditional upsert per aggregate and {@code ce_sequence} ({@link IdempotentProjection}: dossiers, evaluation
 * outcomes, rounds, all keyed by the event's subject) or, for certificates, a {@code $set} of fields that only
 * one event type writes (rating fields by ProductRated, revocation fields by CertificateRevoked), keyed by the
 * certificate number: both kinds are idempotent and no write counts anything, so a redelivery changes nothing.
 */
@Component
public class ProjectionWriter {

    private final IdempotentProjection projection;
    private final MongoOperations mongo;

    public ProjectionWriter(IdempotentProjection projection, MongoOperations mongo) {
        this.projection = projection;
        this.mongo = mongo;
    }

    /**
     * Where the handlers' writes go: straight to Mongo, one write per event (the live feed), or into a
     * {@link ProjectionBatch} that writes a whole poll at once (the rebuild). Both apply the same writes.
     */
    interface Writes {

        /** The conditional upsert of {@link IdempotentProjection}: applied once per aggregate and sequence. */
        void applyOnce(String collection, String aggregateId, long sequence, Update update);

        /** A plain upsert by id of fields that only one event type writes. */
        void upsert(String collection, String id, Update update);
    }

    /** Writes each event as it is dispatched. */
    private final Writes direct = new Writes() {
        @Override
        public void applyOnce(String collection, String aggregateId, long sequence, Update update) {
            projection.apply(collection, aggregateId, sequence, update);
        }

        @Override
        public void upsert(String collection, String id, Update update) {
            upsertCertificate(collection, id, update);
        }
    };

    /** A dispatcher writing into the generation the supplier names at the time each event is applied. */
    public EventDispatcher dispatcher(String consumer, MeterRegistry meters, IntSupplier generation) {
        return dispatcher(consumer, meters, generation, direct);
    }

    /** A dispatcher whose writes are collected into the batch, to be written by {@link ProjectionBatch#flush}. */
    EventDispatcher dispatcher(String consumer, MeterRegistry meters, IntSupplier generation, ProjectionBatch batch) {
        return dispatcher(consumer, meters, generation, (Writes) batch);
    }

    private EventDispatcher dispatcher(String consumer, MeterRegistry meters, IntSupplier generation, Writes writes) {
        return EventDispatcher.builder(consumer, meters)
                .on(DossierSubmitted.class, event -> submitted(writes, generation.getAsInt(), event))
                .on(DossierResubmitted.class, event -> resubmitted(writes, generation.getAsInt(), event))
                .on(DossierReturned.class, event -> returned(writes, generation.getAsInt(), event))
                .on(DossierWithdrawn.class, event -> withdrawn(writes, generation.getAsInt(), event))
                .on(RoundOpened.class, event -> roundOpened(writes, generation.getAsInt(), event))
                .on(ProductScored.class, event -> scored(writes, generation.getAsInt(), event))
                .on(DossierForwarded.class, event -> forwarded(writes, generation.getAsInt(), event))
                .on(ProductRated.class, event -> rated(writes, generation.getAsInt(), event))
                .on(ProductNotQualified.class, event -> notQualified(writes, generation.getAsInt(), event))
                .on(CertificateRevoked.class, event -> revoked(writes, generation.getAsInt(), event))
                .build();
    }

    void submitted(Writes writes, int generation, ReceivedEvent<DossierSubmitted> event) {
        DossierSubmitted body = event.body();
        applyOnce(writes, Generations.collection(Generations.DOSSIERS, generation), event, new Update()
                .set("dossierId", body.dossierId())
                .set("roundId", body.roundId())
                .set("localityCode", body.localityCode())
                .set("entityId", body.entity().entityId())
                .set("entityName", body.entity().name())
                .set("entityType", body.entity().type().name())
                .set("productId", body.product().productId())
                .set("productName", body.product().name())
                .set("criteriaSetCode", body.product().criteriaSetCode())
                .set("productGroup", body.product().productGroup())
                .set("status", "SUBMITTED")
                .set("firstSubmittedAt", body.submittedAt())
                .set("lastSubmittedAt", body.submittedAt()));
    }

    void resubmitted(Writes writes, int generation, ReceivedEvent<DossierResubmitted> event) {
        DossierResubmitted body = event.body();
        applyOnce(writes, Generations.collection(Generations.DOSSIERS, generation), event, new Update()
                .set("dossierId", body.dossierId())
                .set("roundId", body.roundId())
                .set("localityCode", body.localityCode())
                .set("status", "RESUBMITTED")
                .set("revision", body.revision())
                .set("lastSubmittedAt", body.resubmittedAt()));
    }

    void returned(Writes writes, int generation, ReceivedEvent<DossierReturned> event) {
        DossierReturned body = event.body();
        applyOnce(writes, Generations.collection(Generations.DOSSIERS, generation), event, new Update()
                .set("dossierId", body.dossierId())
                .set("localityCode", body.localityCode())
                .set("status", "RETURNED")
                .set("returnedAt", body.returnedAt()));
    }

    void withdrawn(Writes writes, int generation, ReceivedEvent<DossierWithdrawn> event) {
        DossierWithdrawn body = event.body();
        applyOnce(writes, Generations.collection(Generations.DOSSIERS, generation), event, new Update()
                .set("dossierId", body.dossierId())
                .set("localityCode", body.localityCode())
                .set("status", "WITHDRAWN")
                .set("withdrawnAt", body.withdrawnAt()));
    }

    void roundOpened(Writes writes, int generation, ReceivedEvent<RoundOpened> event) {
        RoundOpened body = event.body();
        List<Document> localities = body.localities().stream()
                .map(locality -> new Document("localityCode", locality.localityCode())
                        .append("targetProducts", locality.targetProducts()))
                .toList();
        applyOnce(writes, Generations.collection(Generations.ROUNDS, generation), event, new Update()
                .set("roundId", body.roundId())
                .set("name", body.name())
                .set("level", body.level().name())
                .set("submissionDeadline", body.submissionDeadline().toString())
                .set("localities", localities)
                .set("openedAt", body.openedAt()));
    }

    void scored(Writes writes, int generation, ReceivedEvent<ProductScored> event) {
        ProductScored body = event.body();
        applyOnce(writes, Generations.collection(Generations.OUTCOMES, generation), event, new Update()
                .set("caseId", body.caseId())
                .set("dossierId", body.dossierId())
                .set("stage", "SCORED")
                .set("score", body.score().toPlainString()));
    }

    void forwarded(Writes writes, int generation, ReceivedEvent<DossierForwarded> event) {
        DossierForwarded body = event.body();
        applyOnce(writes, Generations.collection(Generations.OUTCOMES, generation), event, new Update()
                .set("caseId", body.caseId())
                .set("dossierId", body.dossierId())
                .set("localityCode", body.localityCode())
                .set("stage", "FORWARDED")
                .set("score", body.score().toPlainString())
                .set("forwardedTo", body.toLevel().name()));
    }

    void rated(Writes writes, int generation, ReceivedEvent<ProductRated> event) {
        ProductRated body = event.body();
        applyOnce(writes, Generations.collection(Generations.OUTCOMES, generation), event, new Update()
                .set("caseId", body.caseId())
                .set("dossierId", body.dossierId())
                .set("localityCode", body.localityCode())
                .set("stage", "RATED")
                .set("score", body.score().toPlainString())
                .set("decision", "RATED")
                .set("decidedAt", body.ratedAt())
                .set("stars", body.stars())
                .set("certificateNumber", body.certificateNumber()));
        writes.upsert(Generations.collection(Generations.CERTIFICATES, generation), body.certificateNumber(), new Update()
                .set("certificateNumber", body.certificateNumber())
                .set("caseId", body.caseId())
                .set("dossierId", body.dossierId())
                .set("productId", body.productId())
                .set("productName", body.productName())
                .set("entityId", body.entityId())
                .set("entityName", body.entityName())
                .set("localityCode", body.localityCode())
                .set("criteriaSetCode", body.criteriaSetCode())
                .set("stars", body.stars())
                .set("score", body.score().toPlainString())
                .set("level", body.level().name())
                .set("decisionNumber", body.decisionNumber())
                .set("validFrom", body.validFrom().toString())
                .set("validUntil", body.validUntil().toString())
                .set("ratedAt", body.ratedAt())
                .set("searchText", SearchText.normalize(body.productName() + " " + body.entityName()))
                .set("sortName", SearchText.normalize(body.productName())));
    }

    void notQualified(Writes writes, int generation, ReceivedEvent<ProductNotQualified> event) {
        ProductNotQualified body = event.body();
        applyOnce(writes, Generations.collection(Generations.OUTCOMES, generation), event, new Update()
                .set("caseId", body.caseId())
                .set("dossierId", body.dossierId())
                .set("localityCode", body.localityCode())
                .set("stage", "NOT_QUALIFIED")
                .set("score", body.score().toPlainString())
                .set("decision", "NOT_QUALIFIED")
                .set("decidedAt", body.decidedAt())
                .unset("stars")
                .unset("certificateNumber"));
    }

    void revoked(Writes writes, int generation, ReceivedEvent<CertificateRevoked> event) {
        CertificateRevoked body = event.body();
        writes.upsert(Generations.collection(Generations.CERTIFICATES, generation), body.certificateNumber(), new Update()
                .set("revoked", true)
                .set("revokedAt", body.revokedAt())
                .set("revocationReason", body.reason())
                .setOnInsert("certificateNumber", body.certificateNumber()));
    }

    private static void applyOnce(Writes writes, String collection, ReceivedEvent<?> event, Update update) {
        writes.applyOnce(collection, event.aggregateId(), event.sequence(), update);
    }

    /** Two first writes of one certificate may race on the insert: the loser's retry then updates. */
    private void upsertCertificate(String collection, String certificateNumber, Update update) {
        try {
            mongo.upsert(query(where("_id").is(certificateNumber)), update, collection);
        } catch (org.springframework.dao.DuplicateKeyException firstInsertRace) {
            mongo.upsert(query(where("_id").is(certificateNumber)), update, collection);
        }
    }
}
