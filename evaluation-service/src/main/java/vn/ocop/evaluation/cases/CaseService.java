package vn.ocop.evaluation.cases;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.evaluation.cases.domain.CaseStatus;
import vn.ocop.evaluation.cases.domain.Certificate;
import vn.ocop.evaluation.cases.domain.EvaluationCase;
import vn.ocop.evaluation.rounds.RoundService;
import vn.ocop.evaluation.rounds.domain.Round;

/**
 * Opens cases from dossier events (idempotently: the case id is derived from dossier and revision, and a second
 * insert collides) and stores every later change of a case with its events.
 */
@Service
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    private final MongoOperations mongo;
    private final RoundService rounds;
    private final Clock clock;

    CaseService(MongoOperations mongo, RoundService rounds, Clock clock) {
        this.mongo = mongo;
        this.rounds = rounds;
        this.clock = clock;
    }

    void on(DossierSubmitted submitted) {
        Round round = rounds.find(submitted.roundId()).orElseThrow(() -> new IllegalStateException(
                "dossier " + submitted.dossierId() + " was submitted into unknown round " + submitted.roundId()));
        insert(EvaluationCase.open(submitted.dossierId(), 0, round.id(), round.regimeCode(), round.level(),
                submitted.localityCode(), submitted.entity(), submitted.product(), clock.instant()));
    }

    void on(DossierResubmitted resubmitted) {
        EvaluationCase previous = latestOf(resubmitted.dossierId()).orElseThrow(() -> new IllegalStateException(
                "dossier " + resubmitted.dossierId() + " was resubmitted but its first submission is unknown"));
        Round round = rounds.get(resubmitted.roundId() == null ? previous.roundId() : resubmitted.roundId());
        Instant now = clock.instant();
        insert(EvaluationCase.open(resubmitted.dossierId(), resubmitted.revision(), round.id(), round.regimeCode(),
                round.level(), resubmitted.localityCode(), previous.entity(), previous.product(), now));
        closeOpenCases(resubmitted.dossierId(), c -> c.revision() < resubmitted.revision(), CaseStatus.SUPERSEDED,
                "resubmitted as revision " + resubmitted.revision());
    }

    void on(DossierWithdrawn withdrawn) {
        closeOpenCases(withdrawn.dossierId(), c -> true, CaseStatus.WITHDRAWN,
                withdrawn.reason() == null ? "withdrawn" : withdrawn.reason());
    }

    private void insert(EvaluationCase opened) {
        try {
            mongo.insert(CaseDocument.of(opened));
        } catch (DuplicateKeyException alreadyOpened) {
            log.debug("case {} exists already", opened.id());
        }
    }

    private void closeOpenCases(String dossierId, java.util.function.Predicate<EvaluationCase> which,
            CaseStatus status, String reason) {
        for (CaseDocument doc : mongo.find(query(where("dossierId").is(dossierId).and("state.status")
                .is(CaseStatus.OPEN)), CaseDocument.class)) {
            if (which.test(doc.state)) {
                doc.state = doc.state.close(status, clock.instant(), reason);
                mongo.save(doc);
            }
        }
    }

    private java.util.Optional<EvaluationCase> latestOf(String dossierId) {
        return mongo.find(query(where("dossierId").is(dossierId)).with(Sort.by(Sort.Direction.DESC, "state.revision"))
                .limit(1), CaseDocument.class).stream().findFirst().map(doc -> doc.state);
    }

    public EvaluationCase get(String caseId) {
        return document(caseId).state;
    }

    public List<EvaluationCase> ofDossier(String dossierId) {
        return mongo.find(query(where("dossierId").is(dossierId)).with(Sort.by("state.revision")), CaseDocument.class)
                .stream().map(doc -> doc.state).toList();
    }

    public List<EvaluationCase> search(String roundId, CaseStatus status) {
        Criteria criteria = new Criteria();
        if (roundId != null) {
            criteria = criteria.and("state.roundId").is(roundId);
        }
        if (status != null) {
            criteria = criteria.and("state.status").is(status);
        }
        return mongo.find(new Query(criteria).with(Sort.by("_id")), CaseDocument.class).stream().map(d -> d.state)
                .toList();
    }

    /** Applies a change computed from the current state and saves state and events in one write (409 if stale). */
    public EvaluationCase change(String caseId, Function<EvaluationCase, EvaluationCase.Change> change) {
        CaseDocument doc = document(caseId);
        doc.apply(change.apply(doc.state), clock.instant());
        return mongo.save(doc).state;
    }

    public List<Certificate> certificates(String productId, String entityId, String localityCode) {
        Criteria criteria = where("state.certificate").ne(null);
        if (productId != null) {
            criteria = criteria.and("state.certificate.productId").is(productId);
        }
        if (entityId != null) {
            criteria = criteria.and("state.certificate.entityId").is(entityId);
        }
        if (localityCode != null) {
            criteria = criteria.and("state.certificate.localityCode").is(localityCode);
        }
        return mongo.find(new Query(criteria).with(Sort.by("_id")), CaseDocument.class).stream()
                .map(doc -> doc.state.certificate()).toList();
    }

    public EvaluationCase byCertificate(String number) {
        CaseDocument doc = mongo.findOne(query(where("state.certificate.number").is(number)), CaseDocument.class);
        if (doc == null) {
            throw new NotFoundException("certificate.not-found", number);
        }
        return doc.state;
    }

    private CaseDocument document(String caseId) {
        CaseDocument doc = mongo.findById(caseId, CaseDocument.class);
        if (doc == null) {
            throw new NotFoundException("case.not-found", caseId);
        }
        return doc;
    }
}
