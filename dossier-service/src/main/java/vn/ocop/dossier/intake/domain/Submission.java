package vn.ocop.dossier.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.dossier.applicants.domain.EconomicEntity;
import vn.ocop.dossier.applicants.domain.Product;
import vn.ocop.dossier.rounds.domain.Round;

/**
 * What a (re)submission is checked against: the entity and product as they stand, the round as announced by
 * evaluation-service (null if unknown here) and the document kinds the rules require.
 */
public record Submission(EconomicEntity entity, Product product, Round round, Set<DocumentKind> requiredKinds) {

    public Submission {
        requiredKinds = Set.copyOf(requiredKinds);
    }

    /** Throws one InvalidInputException naming every missing or wrong item. */
    void requireComplete(Dossier dossier, Instant now, boolean checkDeadline) {
        List<FieldViolation> missing = new ArrayList<>();
        if (entity == null) {
            missing.add(FieldViolation.of("entityId", "dossier.entity-missing", dossier.entityId()));
        } else {
            missing.addAll(entity.missingForSubmission());
        }
        if (product == null) {
            missing.add(FieldViolation.of("productId", "dossier.product-missing", dossier.productId()));
        } else {
            missing.addAll(product.missingForSubmission());
        }
        if (dossier.roundId() == null || dossier.roundId().isBlank()) {
            missing.add(FieldViolation.of("roundId", "dossier.missing-field"));
        } else if (round == null) {
            missing.add(FieldViolation.of("roundId", "round.unknown", dossier.roundId()));
        } else {
            if (!round.includes(dossier.localityCode())) {
                missing.add(FieldViolation.of("roundId", "round.locality-not-participating", round.name(),
                        dossier.localityCode()));
            }
            if (checkDeadline && !round.acceptsSubmissionAt(now)) {
                missing.add(FieldViolation.of("roundId", "round.deadline-passed", round.name(),
                        round.submissionDeadline().toString()));
            }
        }
        requiredKinds.stream().sorted().forEach(kind -> {
            if (dossier.documents().stream().noneMatch(d -> d.kind() == kind)) {
                missing.add(FieldViolation.of("documents[" + kind + "]", "dossier.document-missing", kind.name()));
            }
        });
        if (!missing.isEmpty()) {
            throw new InvalidInputException("dossier.incomplete", missing);
        }
    }
}
