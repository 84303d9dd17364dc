package vn.ocop.evaluation.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.dossier.EntitySummary;
import vn.ocop.contracts.dossier.ProductSummary;
import vn.ocop.contracts.evaluation.CertificateRevoked;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.DossierForwarded;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.ProductScored;
import vn.ocop.evaluation.scoring.domain.Verdict;

/**
 * An evaluation case (hồ sơ đánh giá): one submission (revision) of a dossier in a round, evaluated level by
 * level until a decision. Immutable: each change returns the next state and the events it raised.
 *
 * @param id       {@code <dossierId>-r<revision>}: the same submission always opens the same case
 * @param level    the council level currently responsible (changes when the case is forwarded)
 */
public record EvaluationCase(String id, String dossierId, int revision, String roundId, String regimeCode,
        CouncilLevel level, String localityCode, EntitySummary entity, ProductSummary product, CaseStatus status,
        Instant openedAt, Instant closedAt, String closeReason, List<DecisionRecord> decisions,
        Certificate certificate) {

    public EvaluationCase {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    public record Change(EvaluationCase next, List<OcopEvent> events) {
    }

    public static String idOf(String dossierId, int revision) {
        return dossierId + "-r" + revision;
    }

    public static EvaluationCase open(String dossierId, int revision, String roundId, String regimeCode,
            CouncilLevel level, String localityCode, EntitySummary entity, ProductSummary product, Instant at) {
        return new EvaluationCase(idOf(dossierId, revision), dossierId, revision, roundId, regimeCode, level,
                localityCode, entity, product, CaseStatus.OPEN, at, null, null, List.of(), null);
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    public EvaluationCase close(CaseStatus closed, Instant at, String reason) {
        return new EvaluationCase(id, dossierId, revision, roundId, regimeCode, level, localityCode, entity, product,
                closed, openedAt, at, reason, decisions, certificate);
    }

    /** Records the verdict of the council at the current level and raises ProductScored plus the outcome event. */
    public Change decide(Verdict verdict, String sessionId, int sheetVersion, String decisionNumber,
            LocalDate decisionDate, String certificateNumber, int validityMonths, Instant now, String officer) {
        if (!isOpen()) {
            throw new ConflictException("case.not-open", id, status);
        }
        if (verdict.outcome() == Verdict.Outcome.REFUSED) {
            throw new ConflictException(verdict.refusal(), verdict.refusalArguments().toArray());
        }
        List<DecisionRecord.MemberTotal> totals = verdict.memberTotals().entrySet().stream()
                .map(e -> new DecisionRecord.MemberTotal(e.getKey(), e.getValue())).toList();
        DecisionRecord record = new DecisionRecord(sessionId, level, regimeCode, sheetVersion, verdict.outcome().name(),
                totals, verdict.exactMean(), verdict.score(), verdict.rounding(), verdict.scale(),
                verdict.starsByScore(), verdict.starsByMandatory(), verdict.finalStars(), verdict.forwardTo(),
                verdict.mandatoryFailures(), verdict.reasons(), decisionNumber, decisionDate, now, officer);
        List<DecisionRecord> history = new ArrayList<>(decisions);
        history.add(record);
        List<OcopEvent> events = new ArrayList<>();
        events.add(new ProductScored(id, dossierId, sessionId, verdict.score(), totals.size(), now));
        return switch (verdict.outcome()) {
            case CERTIFIED -> {
                LocalDate validUntil = decisionDate.plusMonths(validityMonths);
                Certificate issued = new Certificate(certificateNumber, id, dossierId, product.productId(),
                        product.name(), entity.entityId(), entity.name(), localityCode, product.criteriaSetCode(),
                        verdict.finalStars(), verdict.score(), level, decisionNumber, decisionDate, validUntil, now,
                        null, null, null);
                events.add(new ProductRated(id, dossierId, product.productId(), product.name(), entity.entityId(),
                        entity.name(), localityCode, product.criteriaSetCode(), verdict.finalStars(), verdict.score(),
                        level, decisionNumber, certificateNumber, decisionDate, validUntil, now));
                yield new Change(new EvaluationCase(id, dossierId, revision, roundId, regimeCode, level, localityCode,
                        entity, product, CaseStatus.CERTIFIED, openedAt, now, null, history, issued), events);
            }
            case FORWARDED -> {
                events.add(new DossierForwarded(id, dossierId, localityCode, verdict.score(), verdict.starsByScore(),
                        level, verdict.forwardTo(), now));
                yield new Change(new EvaluationCase(id, dossierId, revision, roundId, regimeCode, verdict.forwardTo(),
                        localityCode, entity, product, CaseStatus.OPEN, openedAt, null, null, history, null), events);
            }
            case NOT_QUALIFIED -> {
                events.add(new ProductNotQualified(id, dossierId, localityCode, verdict.score(),
                        verdict.starsByScore(), verdict.reasons(), now));
                yield new Change(new EvaluationCase(id, dossierId, revision, roundId, regimeCode, level, localityCode,
                        entity, product, CaseStatus.NOT_QUALIFIED, openedAt, now, null, history, null), events);
            }
            case REFUSED -> throw new IllegalStateException("unreachable");
        };
    }

    public Change revokeCertificate(String reason, Instant now, String officer) {
        if (certificate == null) {
            throw new ConflictException("certificate.none", id);
        }
        if (certificate.revoked()) {
            throw new ConflictException("certificate.already-revoked", certificate.number());
        }
        Certificate revoked = certificate.revoke(now, officer, reason);
        return new Change(new EvaluationCase(id, dossierId, revision, roundId, regimeCode, level, localityCode, entity,
                product, status, openedAt, closedAt, closeReason, decisions, revoked),
                List.of(new CertificateRevoked(certificate.number(), dossierId, product.productId(), localityCode,
                        reason, now, officer)));
    }
}
