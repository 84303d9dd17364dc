package vn.ocop.contracts;

import java.util.List;

/**
 * Kafka topic names (one topic per producing service) and the CloudEvents {@code source} of each service.
 */
public final class Topics {

    public static final String DOSSIER_EVENTS = "ocop.dossier.events";
    public static final String EVALUATION_EVENTS = "ocop.evaluation.events";
    public static final String REPORTING_EVENTS = "ocop.reporting.events";
    public static final String NOTIFICATION_EVENTS = "ocop.notification.events";

    public static final String DOSSIER_SERVICE_SOURCE = "/dossier-service";
    public static final String EVALUATION_SERVICE_SOURCE = "/evaluation-service";
    public static final String REPORTING_SERVICE_SOURCE = "/reporting-service";
    public static final String NOTIFICATION_SERVICE_SOURCE = "/notification-service";

    private Topics() {
    }

    /** Every event topic, e.g. to create them on an embedded broker. */
    public static List<String> all() {
        return List.of(DOSSIER_EVENTS, EVALUATION_EVENTS, REPORTING_EVENTS, NOTIFICATION_EVENTS);
    }
}
