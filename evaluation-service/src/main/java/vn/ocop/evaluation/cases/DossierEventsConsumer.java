package vn.ocop.evaluation.cases;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.chassis.messaging.EventDispatcher;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;

/** Binding {@code dossierEvents-in-0} on {@code ocop.dossier.events}: thin handlers delegating to the cases. */
@Configuration(proxyBeanMethods = false)
class DossierEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> dossierEvents(CaseService cases, MeterRegistry meters) {
        EventDispatcher dispatcher = EventDispatcher.builder("evaluation-service", meters)
                .on(DossierSubmitted.class, event -> cases.on(event.body()))
                .on(DossierResubmitted.class, event -> cases.on(event.body()))
                .on(DossierWithdrawn.class, event -> cases.on(event.body()))
                .build();
        return dispatcher::dispatch;
    }
}
