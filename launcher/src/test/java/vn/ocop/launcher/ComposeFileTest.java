package vn.ocop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps the production-like run mode ({@code docker-compose.yml}, the per-module Dockerfiles and
 * {@code ops/prometheus/prometheus.yml}) in step with the services it runs. Nothing is started: the files
 * are parsed and cross-checked against the root {@code pom.xml} and each service's
 * {@code src/main/resources/application.yml}, so a service added to the reactor, a port changed in an
 * application.yml or an {@code OCOP_*} variable added to one fails here with a message saying what to fix.
 */
class ComposeFileTest {

    /** Reactor modules that are libraries or the embedded launcher, never a container of their own. */
    private static final Set<String> NOT_SERVICES = Set.of("contracts", "chassis", "embedded-infra", "launcher");

    /** The only services allowed to publish ports; everything else stays on the compose network so it can be scaled. */
    private static final Set<String> PUBLISHED = Set.of("gateway", "identity-service", "prometheus", "grafana");

    private static final String READINESS_PATH = "/actuator/health/readiness";
    private static final String METRICS_PATH = "/actuator/prometheus";

    private static final Pattern SERVER_PORT_PLACEHOLDER = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");
    private static final Pattern OCOP_PLACEHOLDER = Pattern.compile("\\$\\{(OCOP_[A-Z0-9_]+)");
    /** Compose interpolation with a default: ${NAME:-default} or ${NAME-default}. */
    private static final Pattern COMPOSE_DEFAULT = Pattern.compile("^\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-(.*)}$");
    /** host:port at the start of a value, after "//" or after "," (URLs, Kafka bootstrap lists, Mongo URIs). */
    private static final Pattern HOST_PORT = Pattern.compile("(?:^|//|,)([a-z][a-z0-9.-]*):(\\d+)");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN).*");
    /**
     * ${VAR}, ${VAR:?message} or ${VAR?message} (required from the environment), or ${VAR:-} (optional, empty by
     * default, e.g. the password of a mail relay that may need none): never a literal fallback.
     */
    private static final Pattern REQUIRED_INTERPOLATION = Pattern.compile("^\\$\\{[A-Za-z_][A-Za-z0-9_]*((:?\\?[^}]*)|:-)?}$");

    private static final Path ROOT = findRepositoryRoot();
    private static final Map<String, Object> COMPOSE = loadYamlMap(ROOT.resolve("docker-compose.yml"));
    private static final Map<String, Map<String, Object>> SERVICES = composeServices();

    // ------------------------------------------------------------------ per service module

    static Stream<String> serviceModules() {
        return serviceModuleNames().stream();
    }

    @Test
    void theReactorHasServiceModules() {
        assertThat(serviceModuleNames())
                .as("service modules found in %s (modules of the root pom.xml with src/main/resources/application.yml, "
                        + "except %s); none found means this test is reading the wrong directory", ROOT.resolve("pom.xml"),
                        NOT_SERVICES)
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceModules")
    void everyServiceModuleHasAComposeServiceBuiltFromItsDockerfile(String module) {
        Map<String, Object> service = SERVICES.get(module);
        assertThat(service)
                .as("docker-compose.yml has no service named '%s', but '%s' is a service module of the root pom.xml "
                        + "(it has src/main/resources/application.yml). Add it, built from %s/Dockerfile.", module, module, module)
                .isNotNull();

        Object build = service.get("build");
        assertThat(build).as("compose service '%s' has no 'build'; it must be built from %s/Dockerfile", module, module)
                .isNotNull();
        Path context;
        Path dockerfile;
        if (build instanceof String s) {
            context = ROOT.resolve(s).normalize();
            dockerfile = context.resolve("Dockerfile").normalize();
        } else if (build instanceof Map<?, ?> m) {
            context = ROOT.resolve(String.valueOf(m.get("context") == null ? "." : m.get("context"))).normalize();
            Object file = m.get("dockerfile");
            dockerfile = context.resolve(file == null ? "Dockerfile" : String.valueOf(file)).normalize();
        } else {
            throw new AssertionError("compose service '" + module + "': 'build' is neither a path nor a mapping: " + build);
        }
        assertThat(context)
                .as("compose service '%s': build context must be the repository root (the Dockerfile builds the reactor "
                        + "with -pl %s -am), but it is %s", module, module, context)
                .isEqualTo(ROOT.normalize());
        assertThat(dockerfile)
                .as("compose service '%s': build must use %s/Dockerfile, but it uses %s", module, module, ROOT.relativize(dockerfile))
                .isEqualTo(ROOT.resolve(module).resolve("Dockerfile").normalize());
        assertThat(dockerfile).as("%s/Dockerfile, used by compose service '%s', does not exist", module, module).isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceModules")
    void dockerfileBuildsTheModuleAndRunsItAsNonRootOnItsPort(String module) {
        Path dockerfile = ROOT.resolve(module).resolve("Dockerfile");
        assertThat(dockerfile).as("%s/Dockerfile does not exist", module).isRegularFile();
        List<String> lines = read(dockerfile).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        String text = String.join("\n", lines);
        int port = applicationPort(module);
        List<String> problems = new ArrayList<>();

        List<String> froms = lines.stream().filter(l -> l.toUpperCase().startsWith("FROM ")).toList();
        if (froms.size() < 2) {
            problems.add("not multi-stage: expected a JDK build stage and a JRE runtime stage, found FROM lines " + froms);
        } else {
            String buildImage = froms.getFirst().split("\\s+")[1];
            if (!buildImage.startsWith("eclipse-temurin:21-jdk") && !buildImage.startsWith("maven:3.9-eclipse-temurin-21")) {
                problems.add("build stage must use eclipse-temurin:21-jdk or maven:3.9-eclipse-temurin-21, not " + buildImage);
            }
            String runtimeImage = froms.getLast().split("\\s+")[1];
            if (!runtimeImage.startsWith("eclipse-temurin:21-jre")) {
                problems.add("runtime stage must use eclipse-temurin:21-jre, not " + runtimeImage);
            }
        }
        if (!Pattern.compile("\\./mvnw\\b[^\\n]*-pl " + Pattern.quote(module) + "\\s[^\\n]*-am\\b").matcher(text).find()) {
            problems.add("does not build the module with the Maven wrapper: expected './mvnw ... -pl " + module + " -am package'");
        }
        if (!text.contains(module + "/target/" + module + ".jar")) {
            problems.add("does not copy the fat jar " + module + "/target/" + module + ".jar");
        }
        if (!Pattern.compile("(?m)^EXPOSE\\s+" + port + "\\b").matcher(text).find()) {
            problems.add("does not 'EXPOSE " + port + "', the port in " + module + "/src/main/resources/application.yml");
        }
        List<String> users = lines.stream().filter(l -> l.toUpperCase().startsWith("USER ")).toList();
        String lastUser = users.isEmpty() ? "root" : users.getLast().substring(5).strip();
        if (lastUser.equals("root") || lastUser.equals("0") || lastUser.startsWith("0:") || lastUser.startsWith("root:")) {
            problems.add("runs as root: the runtime stage needs a 'USER' that is not root (found " + users + ")");
        }
        if (!text.contains("ENTRYPOINT [\"java\",\"-jar\",\"/app/app.jar\"]")) {
            problems.add("ENTRYPOINT must be [\"java\",\"-jar\",\"/app/app.jar\"]");
        }
        assertThat(problems).as("%s/Dockerfile", module).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceModules")
    void composeServiceListensAndIsProbedOnTheApplicationPort(String module) {
        Map<String, Object> service = requireService(module);
        int port = applicationPort(module);
        Map<String, String> env = environment(service);

        String serverPort = env.get("SERVER_PORT");
        if (serverPort != null) {
            assertThat(resolveComposeDefault(serverPort))
                    .as("compose service '%s' sets SERVER_PORT=%s, but %s/src/main/resources/application.yml has "
                            + "server.port ${SERVER_PORT:%d}; make them agree", module, serverPort, module, port)
                    .isEqualTo(String.valueOf(port));
        }

        String probe = healthcheckCommand(module, service);
        assertThat(probe)
                .as("compose service '%s' has no healthcheck (or it is disabled); it needs one on %s", module, READINESS_PATH)
                .isNotNull();
        assertThat(probe)
                .as("compose service '%s': the healthcheck must probe the readiness endpoint %s, but it runs: %s",
                        module, READINESS_PATH, probe)
                .contains(READINESS_PATH);
        assertThat(Pattern.compile("(?<!\\d)" + port + "(?!\\d)").matcher(probe).find())
                .as("compose service '%s' listens on %d (application.yml) but its healthcheck probes another port: %s",
                        module, port, probe)
                .isTrue();

        for (String published : ports(service)) {
            String containerPort = published.contains(":") ? published.substring(published.lastIndexOf(':') + 1) : published;
            containerPort = containerPort.replaceAll("/.*", "");
            assertThat(containerPort)
                    .as("compose service '%s' publishes '%s', but the application listens on %d", module, published, port)
                    .isEqualTo(String.valueOf(port));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceModules")
    void composeServiceSetsExactlyTheOcopVariablesTheApplicationReads(String module) {
        Map<String, Object> service = requireService(module);
        Set<String> read = ocopVariablesRead(module);
        Set<String> set = environment(service).keySet().stream().filter(k -> k.startsWith("OCOP_"))
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(set);
        Set<String> unread = new TreeSet<>(set);
        unread.removeAll(read);

        assertThat(missing)
                .as("compose service '%s' does not set %s, which %s/src/main/resources/application.yml reads "
                        + "(its localhost default is wrong inside a container)", module, missing, module)
                .isEmpty();
        assertThat(unread)
                .as("compose service '%s' sets %s, which %s/src/main/resources/application.yml never reads "
                        + "(a typo, or a variable the application stopped using)", module, unread, module)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceModules")
    void ocopAddressesPointAtComposeServicesOnTheirPortsAndAreDependedOn(String module) {
        Map<String, Object> service = requireService(module);
        Map<String, Integer> modulePorts = serviceModuleNames().stream()
                .collect(Collectors.toMap(m -> m, ComposeFileTest::applicationPort));
        Set<String> dependsOn = dependsOn(service).keySet();
        List<String> problems = new ArrayList<>();

        environment(service).forEach((name, value) -> {
            if (!name.startsWith("OCOP_")) {
                return;
            }
            Matcher m = HOST_PORT.matcher(resolveComposeDefault(value));
            while (m.find()) {
                String host = m.group(1);
                int port = Integer.parseInt(m.group(2));
                if (host.equals("localhost")) {
                    continue; // e.g. the JWT issuer: the URL clients use from the host, compared as a string only
                }
                if (!SERVICES.containsKey(host)) {
                    problems.add(name + "=" + value + " points at '" + host + "', which is not a compose service");
                    continue;
                }
                Integer expected = modulePorts.get(host);
                if (expected != null && expected != port) {
                    problems.add(name + "=" + value + " uses port " + port + " but " + host + " listens on " + expected
                            + " (" + host + "/src/main/resources/application.yml)");
                }
                if (!host.equals(module) && !dependsOn.contains(host)) {
                    problems.add(name + " points at '" + host + "' but '" + module + "' does not depend_on it "
                            + "(condition: service_healthy)");
                }
            }
        });
        assertThat(problems).as("compose service '%s', environment", module).isEmpty();
    }

    // ------------------------------------------------------------------ the whole file

    @Test
    void everyDependsOnWaitsForAHealthyServiceThatHasAHealthcheck() {
        List<String> problems = new ArrayList<>();
        SERVICES.forEach((name, service) -> {
            Object raw = service.get("depends_on");
            if (raw instanceof List<?> list) {
                problems.add(name + ": depends_on " + list + " uses the short list syntax; use the long syntax with "
                        + "'condition: service_healthy' for each entry");
                return;
            }
            dependsOn(service).forEach((target, spec) -> {
                Object condition = spec instanceof Map<?, ?> m ? m.get("condition") : null;
                if (!"service_healthy".equals(condition)) {
                    problems.add(name + ": depends_on '" + target + "' has condition " + condition
                            + ", expected service_healthy");
                }
                Map<String, Object> dependency = SERVICES.get(target);
                if (dependency == null) {
                    problems.add(name + ": depends_on '" + target + "', which is not a compose service");
                } else if (healthcheckCommand(target, dependency) == null) {
                    problems.add(name + ": depends_on '" + target + "' (service_healthy), but '" + target
                            + "' has no healthcheck, so it would never become healthy");
                }
            });
        });
        assertThat(problems).as("docker-compose.yml depends_on").isEmpty();
    }

    @Test
    void infrastructureUsesTheOfficialImagesAndAReplicaSet() {
        assertThat(image("kafka")).as("compose service 'kafka' must use the official apache/kafka image")
                .startsWith("apache/kafka:");
        assertThat(image("mongo")).as("compose service 'mongo' must use the official mongo image").startsWith("mongo:");
        assertThat(image("prometheus")).as("compose service 'prometheus' must use the official prom/prometheus image")
                .startsWith("prom/prometheus");
        assertThat(image("grafana")).as("compose service 'grafana' must use the official grafana/grafana image")
                .startsWith("grafana/grafana");
        assertThat(healthcheckCommand("kafka", requireService("kafka")))
                .as("compose service 'kafka' needs a healthcheck with the image's kafka-broker-api-versions.sh")
                .contains("/opt/kafka/bin/kafka-broker-api-versions.sh");

        String command = commandLine(requireService("mongo").get("command"));
        Matcher replSet = Pattern.compile("--replSet[ =](\\S+)").matcher(command);
        assertThat(replSet.find()).as("compose service 'mongo' must start with --replSet (command: %s)", command).isTrue();
        String setName = replSet.group(1);
        assertThat(healthcheckCommand("mongo", requireService("mongo")))
                .as("compose service 'mongo': its healthcheck must initiate replica set '%s'", setName)
                .contains("rs.initiate").contains(setName);

        List<String> problems = new ArrayList<>();
        SERVICES.forEach((name, service) -> {
            String uri = environment(service).get("OCOP_MONGODB_URI");
            if (uri != null && !uri.contains("replicaSet=" + setName)) {
                problems.add(name + ": OCOP_MONGODB_URI=" + uri + " does not name replicaSet=" + setName);
            }
        });
        assertThat(problems).as("MongoDB URIs must use the replica set mongo is started with").isEmpty();
    }

    @Test
    void everyServiceHasAMemoryLimitAndARestartPolicy() {
        List<String> problems = new ArrayList<>();
        SERVICES.forEach((name, service) -> {
            Object deployMemory = path(service, "deploy", "resources", "limits", "memory");
            if (service.get("mem_limit") == null && deployMemory == null) {
                problems.add(name + ": no memory limit (mem_limit or deploy.resources.limits.memory)");
            }
            if (service.get("restart") == null && path(service, "deploy", "restart_policy") == null) {
                problems.add(name + ": no restart policy (restart or deploy.restart_policy)");
            }
        });
        assertThat(problems).as("docker-compose.yml resource limits and restart policies").isEmpty();
    }

    @Test
    void onlyTheEntryPointsPublishPorts() {
        List<String> publishing = SERVICES.entrySet().stream()
                .filter(e -> !ports(e.getValue()).isEmpty())
                .map(Map.Entry::getKey)
                .filter(name -> !PUBLISHED.contains(name))
                .toList();
        assertThat(publishing)
                .as("only %s may publish ports to the host; other services are reached through the gateway, and a "
                        + "published port would clash when the service is scaled (--scale)", PUBLISHED)
                .isEmpty();
    }

    @Test
    void allServicesAgreeOnTheJwtIssuer() {
        Map<String, String> issuers = new LinkedHashMap<>();
        SERVICES.forEach((name, service) -> {
            String issuer = environment(service).get("OCOP_JWT_ISSUER");
            if (issuer != null) {
                issuers.put(name, issuer);
            }
        });
        assertThat(new LinkedHashSet<>(issuers.values()))
                .as("OCOP_JWT_ISSUER differs between services %s: a token is accepted only where the issuer matches", issuers)
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void noSecretIsWrittenInTheComposeFile() {
        List<String> problems = new ArrayList<>();
        SERVICES.forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).matches() && !REQUIRED_INTERPOLATION.matcher(value.strip()).matches()) {
                problems.add(name + ": " + key + " must come from the environment as ${VAR:?message} or ${VAR:-}, not '" + value + "'");
            }
        }));
        assertThat(problems).as("secrets in docker-compose.yml").isEmpty();

        String password = environment(requireService("grafana")).get("GF_SECURITY_ADMIN_PASSWORD");
        assertThat(password).as("grafana: GF_SECURITY_ADMIN_PASSWORD must be set from ${GRAFANA_ADMIN_PASSWORD:?...}")
                .isNotNull().startsWith("${GRAFANA_ADMIN_PASSWORD:?");
        Path example = ROOT.resolve(".env.example");
        assertThat(example).as(".env.example must exist and document GRAFANA_ADMIN_PASSWORD").isRegularFile();
        assertThat(read(example)).as(".env.example must document GRAFANA_ADMIN_PASSWORD").contains("GRAFANA_ADMIN_PASSWORD");
    }

    @Test
    void prometheusScrapesEveryServiceOnItsPort() {
        Path config = ROOT.resolve("ops/prometheus/prometheus.yml");
        assertThat(volumes(requireService("prometheus")))
                .as("compose service 'prometheus' must mount ./ops/prometheus/prometheus.yml")
                .anyMatch(v -> v.startsWith("./ops/prometheus/prometheus.yml:"));
        List<Map<String, Object>> jobs = listOfMaps(loadYamlMap(config).get("scrape_configs"));

        List<String> problems = new ArrayList<>();
        for (String module : serviceModuleNames()) {
            int port = applicationPort(module);
            String target = module + ":" + port;
            boolean scraped = jobs.stream()
                    .filter(job -> METRICS_PATH.equals(job.get("metrics_path")))
                    .anyMatch(job -> scrapeTargets(job).contains(target));
            if (!scraped) {
                problems.add(module + " is not scraped at " + target + METRICS_PATH + " (targets found: "
                        + jobs.stream().collect(Collectors.toMap(j -> String.valueOf(j.get("job_name")),
                                j -> scrapeTargets(j) + " " + j.getOrDefault("metrics_path", "/metrics"),
                                (a, b) -> a, LinkedHashMap::new)) + ")");
            }
        }
        assertThat(problems).as("ops/prometheus/prometheus.yml").isEmpty();
    }

    @Test
    void grafanaHasAProvisionedPrometheusDatasource() {
        assertThat(volumes(requireService("grafana")))
                .as("compose service 'grafana' must mount ./ops/grafana/provisioning")
                .anyMatch(v -> v.startsWith("./ops/grafana/provisioning:"));
        Path file = ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml");
        List<Map<String, Object>> datasources = listOfMaps(loadYamlMap(file).get("datasources"));
        assertThat(datasources)
                .as("%s must provision a prometheus datasource at http://prometheus:9090", ROOT.relativize(file))
                .anyMatch(ds -> "prometheus".equals(ds.get("type")) && "http://prometheus:9090".equals(ds.get("url")));
    }

    // ------------------------------------------------------------------ reading the files

    private static Path findRepositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>ocop-platform</artifactId>")
                    && read(pom).contains("<modules>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no root pom.xml (ocop-platform with <modules>) above " + Path.of("").toAbsolutePath());
    }

    private static List<String> serviceModuleNames() {
        Document pom;
        try (InputStream in = Files.newInputStream(ROOT.resolve("pom.xml"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            pom = factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + ROOT.resolve("pom.xml"), e);
        }
        NodeList modules = ((Element) pom.getDocumentElement().getElementsByTagName("modules").item(0))
                .getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            String name = modules.item(i).getTextContent().strip();
            if (!NOT_SERVICES.contains(name) && Files.isRegularFile(applicationYml(name))) {
                names.add(name);
            }
        }
        return names;
    }

    private static Path applicationYml(String module) {
        return ROOT.resolve(module).resolve("src/main/resources/application.yml");
    }

    private static int applicationPort(String module) {
        Object port = path(loadYamlMap(applicationYml(module)), "server", "port");
        if (port instanceof Integer i) {
            return i;
        }
        Matcher m = SERVER_PORT_PLACEHOLDER.matcher(String.valueOf(port));
        if (port == null || !m.matches()) {
            return fail("%s/src/main/resources/application.yml: server.port must be ${SERVER_PORT:NNNN}, found %s",
                    module, port);
        }
        return Integer.parseInt(m.group(1));
    }

    private static Set<String> ocopVariablesRead(String module) {
        Set<String> names = new TreeSet<>();
        collectStrings(loadYamlMap(applicationYml(module)), s -> {
            Matcher m = OCOP_PLACEHOLDER.matcher(s);
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    private static void collectStrings(Object node, java.util.function.Consumer<String> sink) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectStrings(v, sink));
        } else if (node instanceof Collection<?> list) {
            list.forEach(v -> collectStrings(v, sink));
        } else if (node instanceof String s) {
            sink.accept(s);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() {
        Object services = COMPOSE.get("services");
        if (!(services instanceof Map<?, ?> map)) {
            throw new IllegalStateException("docker-compose.yml has no 'services' mapping");
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of()));
        return result;
    }

    private static Map<String, Object> requireService(String name) {
        Map<String, Object> service = SERVICES.get(name);
        if (service == null) {
            return fail("docker-compose.yml has no service named '%s'", name);
        }
        return service;
    }

    private static String image(String service) {
        return String.valueOf(requireService(service).get("image"));
    }

    /** The environment as KEY to VALUE, from either the mapping or the list ("KEY=VALUE") syntax. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            for (Object item : list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return env;
    }

    private static Map<String, Object> dependsOn(Map<String, Object> service) {
        Map<String, Object> deps = new LinkedHashMap<>();
        Object raw = service.get("depends_on");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> deps.put(String.valueOf(k), v));
        } else if (raw instanceof List<?> list) {
            list.forEach(k -> deps.put(String.valueOf(k), null));
        }
        return deps;
    }

    /** The healthcheck's command as one line, or null when there is none or it is disabled. */
    private static String healthcheckCommand(String name, Map<String, Object> service) {
        if (!(service.get("healthcheck") instanceof Map<?, ?> healthcheck)
                || Boolean.TRUE.equals(healthcheck.get("disable"))) {
            return null;
        }
        Object test = healthcheck.get("test");
        if (test instanceof List<?> list) {
            if (list.isEmpty() || "NONE".equals(list.getFirst())) {
                return null;
            }
            return list.stream().skip(1).map(String::valueOf).collect(Collectors.joining(" "));
        }
        return test == null ? null : String.valueOf(test);
    }

    private static List<String> ports(Map<String, Object> service) {
        Object raw = service.get("ports");
        if (!(raw instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(p -> p instanceof Map<?, ?> m ? String.valueOf(m.get("target")) : String.valueOf(p)).toList();
    }

    private static List<String> volumes(Map<String, Object> service) {
        Object raw = service.get("volumes");
        if (!(raw instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .map(v -> v instanceof Map<?, ?> m ? m.get("source") + ":" + m.get("target") : String.valueOf(v))
                .toList();
    }

    private static String commandLine(Object command) {
        if (command instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return Objects.toString(command, "");
    }

    /** host:port targets of a scrape job: static targets, and DNS SD names combined with their port. */
    private static Set<String> scrapeTargets(Map<String, Object> job) {
        Set<String> targets = new TreeSet<>();
        for (Map<String, Object> sc : listOfMaps(job.get("static_configs"))) {
            Object list = sc.get("targets");
            if (list instanceof List<?> l) {
                l.forEach(t -> targets.add(String.valueOf(t)));
            }
        }
        for (Map<String, Object> dns : listOfMaps(job.get("dns_sd_configs"))) {
            Object names = dns.get("names");
            Object port = dns.get("port");
            if (names instanceof List<?> l && port != null && !"SRV".equalsIgnoreCase(String.valueOf(dns.get("type")))) {
                l.forEach(n -> targets.add(n + ":" + port));
            }
        }
        return targets;
    }

    private static String resolveComposeDefault(String value) {
        Matcher m = COMPOSE_DEFAULT.matcher(value.strip());
        return m.matches() ? m.group(1) : value.strip();
    }

    private static Object path(Map<?, ?> map, String... keys) {
        Object node = map;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object raw) {
        if (!(raw instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadYamlMap(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(relative(file) + " does not exist");
        }
        // SafeConstructor: plain maps, lists and scalars; YAML merge keys (<<: *anchor) are resolved.
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
        if (!(doc instanceof Map<?, ?>)) {
            throw new IllegalStateException(relative(file) + " is not a YAML mapping");
        }
        return (Map<String, Object>) doc;
    }

    private static String relative(Path file) {
        return ROOT == null ? file.toString() : ROOT.relativize(file.toAbsolutePath()).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
