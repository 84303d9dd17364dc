package vn.ocop.dossier.events;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.chassis.messaging.EventDispatcher;
import vn.ocop.contracts.evaluation.DossierForwarded;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.contracts.evaluation.SessionAssigned;
import vn.ocop.dossier.assignments.SessionAssignments;
import vn.ocop.dossier.intake.EvaluationOutcomes;
import vn.ocop.dossier.rounds.RoundCatalog;

/** What dossier-service reads from {@code ocop.evaluation.events}; other types are skipped. */
@Configuration(proxyBeanMethods = false)
class EvaluationEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> evaluationEvents(RoundCatalog rounds, SessionAssignments assignments,
            EvaluationOutcomes outcomes, MeterRegistry meters) {
        EventDispatcher dispatcher = EventDispatcher.builder("dossier-service", meters)
                .on(RoundOpened.class, rounds::on)
                .on(SessionAssigned.class, event -> {
                    assignments.on(event);
                    outcomes.sessionAssigned(event);
                })
                .on(ProductRated.class, outcomes::rated)
                .on(ProductNotQualified.class, outcomes::notQualified)
                .on(DossierForwarded.class, outcomes::forwarded)
                .build();
        return dispatcher::dispatch;
    }
}
