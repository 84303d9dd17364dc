package vn.ocop.dossier.intake;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.ocop.chassis.messaging.ReceivedEvent;
import vn.ocop.contracts.evaluation.DossierForwarded;
import vn.ocop.contracts.evaluation.NotQualifiedReason;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.SessionAssigned;
import vn.ocop.dossier.intake.domain.Dossier;
import vn.ocop.dossier.intake.domain.Outcome;

/**
 * Keeps the status the locality sees current with what evaluation-service decided. Each consumed event is
 * applied at most once per dossier (its CloudEvents id is remembered in the dossier); events about dossiers this
 * service does not know are skipped.
 */
@Component
public class EvaluationOutcomes {

    private static final Logger log = LoggerFactory.getLogger(EvaluationOutcomes.class);

    private final DossierStore store;
    private final Clock clock;

    EvaluationOutcomes(DossierStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void sessionAssigned(ReceivedEvent<SessionAssigned> event) {
        for (String dossierId : event.body().dossierIds()) {
            apply(dossierId, dossier -> dossier.startEvaluation(event.envelope().id(),
                    "session " + event.body().sessionId(), clock.instant()));
        }
    }

    public void rated(ReceivedEvent<ProductRated> event) {
        ProductRated rated = event.body();
        apply(rated.dossierId(), dossier -> dossier.rated(event.envelope().id(), new Outcome(rated.stars(),
                rated.score(), rated.level() == null ? null : rated.level().name(), rated.certificateNumber(), rated.decisionNumber()),
                rated.ratedAt()));
    }

    public void notQualified(ReceivedEvent<ProductNotQualified> event) {
        ProductNotQualified decision = event.body();
        String why = String.join("; ", decision.reasons().stream().map(NotQualifiedReason::message).toList());
        apply(decision.dossierId(), dossier -> dossier.notQualified(event.envelope().id(),
                new Outcome(null, decision.score(), null, null, null), why, decision.decidedAt()));
    }

    public void forwarded(ReceivedEvent<DossierForwarded> event) {
        DossierForwarded forwarded = event.body();
        apply(forwarded.dossierId(), dossier -> dossier.forwarded(event.envelope().id(), new Outcome(null,
                forwarded.score(), forwarded.toLevel().name(), null, null), forwarded.forwardedAt()));
    }

    private void apply(String dossierId, java.util.function.Predicate<Dossier> change) {
        if (!store.exists(dossierId)) {
            log.warn("Evaluation event about unknown dossier {} skipped", dossierId);
            return;
        }
        store.update(dossierId, clock.instant(), dossier -> {
            if (change.test(dossier)) {
                return List.of();
            }
            log.info("Evaluation event not applied to dossier {} in status {} (duplicate or no longer relevant)",
                    dossierId, dossier.status());
            return null;
        }, record -> record);
    }
}
