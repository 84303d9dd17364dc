package vn.ocop.chassis.sample;

import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.chassis.messaging.EventDispatcher;
import vn.ocop.contracts.dossier.DossierWithdrawn;

/**
 * A minimal service built on the chassis, for the chassis' own tests: an aggregate that records
 * DossierWithdrawn events in its outbox, and a read model fed by the same topic through the Kafka binder.
 */
@SpringBootApplication
public class SampleApplication {

    @Bean
    Consumer<Message<byte[]>> sampleEvents(WithdrawalProjection projection, MeterRegistry meters) {
        EventDispatcher dispatcher = EventDispatcher.builder("sample", meters)
                .on(DossierWithdrawn.class, projection::on)
                .build();
        return dispatcher::dispatch;
    }
}
