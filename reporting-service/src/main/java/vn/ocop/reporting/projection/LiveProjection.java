package vn.ocop.reporting.projection;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;

/** The live feed: dossier and evaluation topics through the Kafka binder into the active generation. */
@Configuration(proxyBeanMethods = false)
class LiveProjection {

    @Bean
    Consumer<Message<byte[]>> reportingEvents(ProjectionWriter writer, Generations generations, MeterRegistry meters) {
        return writer.dispatcher("reporting-service", meters, generations::activeForLiveWrite)::dispatch;
    }
}
