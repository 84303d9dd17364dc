package vn.ocop.notification.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.chassis.messaging.EventDispatcher;
import vn.ocop.chassis.messaging.EventHandler;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.evaluation.CertificateRevoked;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.contracts.reporting.PeriodicReportSubmitted;
import vn.ocop.contracts.reporting.ReportPeriodOpened;
import vn.ocop.notification.reminders.Calendar;
import vn.ocop.notification.webhooks.WebhookFanOut;

/**
 * One consumer per topic. Every event type of the topic is handled: first what this service does with it (the
 * calendar, a notice), then the fan-out to webhook subscribers. Handlers are idempotent, so a retried record is safe.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    private static final String CONSUMER = "notification-service";

    @Bean
    Consumer<Message<byte[]>> dossierEvents(Calendar calendar, EventNotices notices, WebhookFanOut webhooks,
            MeterRegistry meters) {
        Map<Class<?>, EventHandler<?>> handlers = new HashMap<>();
        handlers.put(DossierSubmitted.class, (EventHandler<DossierSubmitted>) calendar::onSubmitted);
        handlers.put(DossierResubmitted.class, (EventHandler<DossierResubmitted>) calendar::onResubmitted);
        handlers.put(DossierWithdrawn.class, (EventHandler<DossierWithdrawn>) calendar::onWithdrawn);
        handlers.put(DossierReturned.class, (EventHandler<DossierReturned>) event -> {
            calendar.onReturned(event);
            notices.onReturned(event);
        });
        return dispatcher(Topics.DOSSIER_EVENTS, handlers, webhooks, meters)::dispatch;
    }

    @Bean
    Consumer<Message<byte[]>> evaluationEvents(Calendar calendar, EventNotices notices, WebhookFanOut webhooks,
            MeterRegistry meters) {
        Map<Class<?>, EventHandler<?>> handlers = new HashMap<>();
        handlers.put(RoundOpened.class, (EventHandler<RoundOpened>) calendar::on);
        handlers.put(ProductRated.class, (EventHandler<ProductRated>) event -> {
            calendar.onRated(event);
            notices.onRated(event);
        });
        handlers.put(ProductNotQualified.class, (EventHandler<ProductNotQualified>) notices::onNotQualified);
        handlers.put(CertificateRevoked.class, (EventHandler<CertificateRevoked>) calendar::onRevoked);
        return dispatcher(Topics.EVALUATION_EVENTS, handlers, webhooks, meters)::dispatch;
    }

    @Bean
    Consumer<Message<byte[]>> reportingEvents(Calendar calendar, EventNotices notices, WebhookFanOut webhooks,
            MeterRegistry meters) {
        Map<Class<?>, EventHandler<?>> handlers = new HashMap<>();
        handlers.put(ReportPeriodOpened.class, (EventHandler<ReportPeriodOpened>) event -> {
            calendar.onPeriod(event);
            notices.onPeriodOpened(event);
        });
        handlers.put(PeriodicReportSubmitted.class, (EventHandler<PeriodicReportSubmitted>) calendar::onReport);
        return dispatcher(Topics.REPORTING_EVENTS, handlers, webhooks, meters)::dispatch;
    }

    private static EventDispatcher dispatcher(String topic, Map<Class<?>, EventHandler<?>> handlers,
            WebhookFanOut webhooks, MeterRegistry meters) {
        var builder = EventDispatcher.builder(CONSUMER, meters);
        for (EventType type : EventType.values()) {
            if (type.topic().equals(topic)) {
                register(builder, type.payloadClass(), handlers.get(type.payloadClass()), webhooks);
            }
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static <T extends OcopEvent> void register(EventDispatcher.Builder builder, Class<T> type,
            EventHandler<?> own, WebhookFanOut webhooks) {
        EventHandler<T> handler = (EventHandler<T>) own;
        builder.on(type, event -> {
            if (handler != null) {
                handler.on(event);
            }
            webhooks.fanOut(event.envelope());
        });
    }
}
