package vn.ocop.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import vn.ocop.contracts.evaluation.SessionAssigned;
import vn.ocop.contracts.notification.NotificationSent;
import vn.ocop.contracts.reporting.PeriodicReportSubmitted;
import vn.ocop.contracts.reporting.ReportPeriodOpened;

/**
 * The registry of published event types: CloudEvents {@code type}, body record, topic, {@code source} and JSON Schema.
 */
public enum EventType {

    DOSSIER_SUBMITTED("vn.ocop.dossier.submitted.v1", DossierSubmitted.class, Producer.DOSSIER),
    DOSSIER_RESUBMITTED("vn.ocop.dossier.resubmitted.v1", DossierResubmitted.class, Producer.DOSSIER),
    DOSSIER_RETURNED("vn.ocop.dossier.returned.v1", DossierReturned.class, Producer.DOSSIER),
    DOSSIER_WITHDRAWN("vn.ocop.dossier.withdrawn.v1", DossierWithdrawn.class, Producer.DOSSIER),

    ROUND_OPENED("vn.ocop.evaluation.round-opened.v1", RoundOpened.class, Producer.EVALUATION),
    PRODUCT_SCORED("vn.ocop.evaluation.product-scored.v1", ProductScored.class, Producer.EVALUATION),
    PRODUCT_RATED("vn.ocop.evaluation.product-rated.v1", ProductRated.class, Producer.EVALUATION),
    PRODUCT_NOT_QUALIFIED("vn.ocop.evaluation.product-not-qualified.v1", ProductNotQualified.class, Producer.EVALUATION),
    DOSSIER_FORWARDED("vn.ocop.evaluation.dossier-forwarded.v1", DossierForwarded.class, Producer.EVALUATION),
    CERTIFICATE_REVOKED("vn.ocop.evaluation.certificate-revoked.v1", CertificateRevoked.class, Producer.EVALUATION),
    SESSION_ASSIGNED("vn.ocop.evaluation.session-assigned.v1", SessionAssigned.class, Producer.EVALUATION),

    REPORT_PERIOD_OPENED("vn.ocop.reporting.report-period-opened.v1", ReportPeriodOpened.class, Producer.REPORTING),
    PERIODIC_REPORT_SUBMITTED("vn.ocop.reporting.periodic-report-submitted.v1", PeriodicReportSubmitted.class,
            Producer.REPORTING),

    NOTIFICATION_SENT("vn.ocop.notification.sent.v1", NotificationSent.class, Producer.NOTIFICATION);

    /** Classpath folder of the JSON Schemas, one file per type named {@code <ceType>.json}. */
    public static final String SCHEMA_FOLDER = "/schemas/v1/";

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String ceType;
    private final Class<? extends OcopEvent> payloadClass;
    private final Producer producer;

    EventType(String ceType, Class<? extends OcopEvent> payloadClass, Producer producer) {
        this.ceType = ceType;
        this.payloadClass = payloadClass;
        this.producer = producer;
    }

    /** The CloudEvents {@code type} attribute ({@code ce_type} header), e.g. {@code vn.ocop.dossier.submitted.v1}. */
    public String ceType() {
        return ceType;
    }

    /** The record the JSON body maps to. */
    public Class<? extends OcopEvent> payloadClass() {
        return payloadClass;
    }

    /** The Kafka topic of the producing service. */
    public String topic() {
        return producer.topic;
    }

    /** The CloudEvents {@code source} attribute ({@code ce_source} header) of the producing service. */
    public String source() {
        return producer.source;
    }

    /** Classpath location of the body's JSON Schema, e.g. {@code /schemas/v1/vn.ocop.dossier.submitted.v1.json}. */
    public String schemaLocation() {
        return SCHEMA_FOLDER + ceType + ".json";
    }

    /** Looks a type up by its CloudEvents {@code type}; empty for types this version of contracts does not know. */
    public static Optional<EventType> fromCeType(String ceType) {
        return ceType == null ? Optional.empty() : Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    /** Looks a type up by its body record class. */
    public static Optional<EventType> forPayloadClass(Class<?> payloadClass) {
        return Optional.ofNullable(BY_PAYLOAD_CLASS.get(payloadClass));
    }

    /** The type of an event body; every {@link OcopEvent} record in contracts is registered. */
    public static EventType of(OcopEvent event) {
        return forPayloadClass(event.getClass()).orElseThrow(() -> new IllegalArgumentException(
                "Not a registered event body: " + event.getClass().getName()));
    }

    private enum Producer {
        DOSSIER(Topics.DOSSIER_EVENTS, Topics.DOSSIER_SERVICE_SOURCE),
        EVALUATION(Topics.EVALUATION_EVENTS, Topics.EVALUATION_SERVICE_SOURCE),
        REPORTING(Topics.REPORTING_EVENTS, Topics.REPORTING_SERVICE_SOURCE),
        NOTIFICATION(Topics.NOTIFICATION_EVENTS, Topics.NOTIFICATION_SERVICE_SOURCE);

        private final String topic;
        private final String source;

        Producer(String topic, String source) {
            this.topic = topic;
            this.source = source;
        }
    }
}
