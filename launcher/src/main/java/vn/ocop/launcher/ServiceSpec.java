package vn.ocop.launcher;

import java.util.List;

/** One platform service as the launcher runs it: its module (and jar) name, HTTP port and what it needs. */
record ServiceSpec(String name, int port, boolean usesKafka, boolean usesMongo, String database) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("identity-service", 9000, false, true, "ocop-identity"),
            new ServiceSpec("dossier-service", 8081, true, true, "ocop-dossier"),
            new ServiceSpec("evaluation-service", 8082, true, true, "ocop-evaluation"),
            new ServiceSpec("reporting-service", 8083, true, true, "ocop-reporting"),
            new ServiceSpec("notification-service", 8084, true, true, "ocop-notification"),
            new ServiceSpec("gateway", 8080, false, false, null));

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
