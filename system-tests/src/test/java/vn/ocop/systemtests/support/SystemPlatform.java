package vn.ocop.systemtests.support;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ocop.launcher.Platform;

/**
 * The platform under test, started once per test JVM: the launcher's in-process Kafka and Mongo-wire server and
 * identity-, dossier-, evaluation-, reporting-, notification-service and the gateway as OS processes on free ports; then the
 * accounts of the programme created through the admin API and each one logged in through the gateway.
 */
public final class SystemPlatform {

    public static final String ADMIN = "tinh.quantri";
    /** The 11 district-level units of An Giang in 2020 and a username for each one's officer. */
    public static final Map<String, String> DISTRICTS_2020 = districts();
    public static final List<String> MEMBERS = List.of("hoidong1", "hoidong2", "hoidong3", "hoidong4", "hoidong5");
    public static final String MACHINE_CLIENT = "system-tests-ops";
    /** An officer of the Department of Agriculture and Rural Development (reads reports). */
    public static final String DEPARTMENT = "so.nnptnt";
    public static final List<String> SERVICES = List.of("identity-service", "dossier-service", "evaluation-service",
            "reporting-service", "notification-service", "gateway");

    /** The services whose business clock the tests move (identity and the gateway keep real time). */
    public static final List<String> CLOCKED_SERVICES = List.of("dossier-service", "evaluation-service",
            "reporting-service", "notification-service");
    public static final java.time.OffsetDateTime PROGRAMME_2020_START =
            java.time.OffsetDateTime.parse("2020-06-08T08:30:00+07:00");

    private static SystemPlatform instance;

    /** The SMTP server notification-service sends to. */
    public final com.icegreen.greenmail.util.GreenMail mail;

    public final Platform platform;
    public final Http http;
    public final Events events;
    public final String adminToken;
    public final Map<String, String> officerTokens = new LinkedHashMap<>();
    public final Map<String, String> memberTokens = new LinkedHashMap<>();
    public String departmentToken;
    public final String machineToken;
    public final boolean full = Boolean.getBoolean("ocop.system.full");
    public final Duration startedIn;
    private long tokensAt;
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Identity identity;
    private String machineSecret;

    private SystemPlatform() {
        Instant begin = Instant.now();
        String adminPassword = password();
        Path home = Path.of(System.getProperty("ocop.home", "..")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("ocop.system.work", "target/platform"));
        // A fresh directory every run: a Kafka log left by an earlier run (its committed offsets included) must
        // never meet a fresh Mongo.
        deleteTree(work);
        mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1",
                com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Platform.Builder builder = Platform.builder(home)
                .workDirectory(work)
                .services(SERVICES)
                // CI runs on a fresh build: every start would be a JVM-cache training run, slower to start and to
                // stop (it writes the cache), and these tests stop and kill services on purpose
                .jvmCache(false);
        // The business services start on the morning of 8 June 2020, three days after the provincial letter, so that
        // the 2020 programme can be replayed on the units and rules of that year; identity and the gateway keep
        // real time (tokens).
        for (String service : CLOCKED_SERVICES) {
            builder.environment(service, Map.of("OCOP_CLOCK_START", PROGRAMME_2020_START.toString(),
                    "OCOP_CLOCK_ADJUSTABLE", "true"));
        }
        platform = builder
                .environment("notification-service", Map.of("OCOP_SMTP_HOST", "127.0.0.1",
                        "OCOP_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()),
                        "OCOP_MAIL_FROM", "ocop-noreply@angiang.test"))
                .environment("identity-service", Map.of(
                        "OCOP_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                        "OCOP_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                        "OCOP_IDENTITY_ACCESS_TOKEN_LIFETIME", "60m"))
                // the fuzz suite sends ~1,000 requests as one caller: lift the per-client rate limit
                .environment("gateway", Map.of("OCOP_RATE_LIMIT_PER_SECOND", "100000"))
                .readyTimeout(Duration.ofSeconds(240))
                .start();
        startedIn = Duration.between(begin, Instant.now());
        String gateway = platform.url("gateway");
        http = new Http(gateway);
        events = new Events(platform.kafkaBootstrapServers());
        identity = new Identity(gateway);
        passwords.put(ADMIN, adminPassword);
        adminToken = identity.userToken(ADMIN, adminPassword);
        createAccounts();
        machineToken = identity.machineToken(MACHINE_CLIENT, machineSecret, "ocop.ops events.subscribe catalogue.read");
        tokensAt = System.currentTimeMillis();
    }

    public static synchronized SystemPlatform get() {
        if (instance == null) {
            instance = new SystemPlatform();
            System.out.println("[system-tests] platform up in " + instance.startedIn.toSeconds() + " s: gateway "
                    + instance.platform.url("gateway") + ", Kafka " + instance.platform.kafkaBootstrapServers()
                    + ", Mongo " + instance.platform.mongoConnectionString());
            Summary.record("platform", SERVICES.size() + " services as OS processes ready; admin (PKCE via gateway), 11 locality "
                    + "officers, 5 council members logged in; machine client token", true,
                    "start " + instance.startedIn.toSeconds() + " s; accounts " + instance.accountCount()
                            + "; tokens " + (instance.officerTokens.size() + instance.memberTokens.size() + 2));
        }
        return instance;
    }

    /** Moves the business clock of every clocked service to {@code when} (the clock only moves forward). */
    public void moveClockTo(java.time.OffsetDateTime when) {
        for (String service : CLOCKED_SERVICES) {
            moveClockTo(service, when);
        }
    }

    /** Moves one service's business clock (e.g. after a restart, which begins again at the configured start). */
    public void moveClockTo(String service, java.time.OffsetDateTime when) {
        Http.Response moved = http.putJson("/api/" + service.replace("-service", "") + "/admin/clock", adminToken,
                Map.of("now", when.toString()));
        if (moved.status() != 200) {
            throw new IllegalStateException("moving the clock of " + service + " to " + when + ": " + moved);
        }
    }

    /** Brings every clocked service back to real time (a no-op when already there). */
    public void realTime() {
        for (String service : CLOCKED_SERVICES) {
            String path = "/api/" + service.replace("-service", "") + "/admin/clock";
            Http.Response clock = http.get(path, adminToken);
            if (clock.status() != 200) {
                throw new IllegalStateException("clock of " + service + ": " + clock);
            }
            if (clock.json().get("offsetSeconds").asLong() < 0) {
                Http.Response moved = http.putJson(path, adminToken,
                        Map.of("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(1).toString()));
                if (moved.status() != 200) {
                    throw new IllegalStateException("moving the clock of " + service + " to today: " + moved);
                }
            }
        }
    }

    /** The business time of one service. */
    public java.time.Instant clockOf(String service) {
        Http.Response clock = http.get("/api/" + service.replace("-service", "") + "/admin/clock", adminToken);
        if (clock.status() != 200) {
            throw new IllegalStateException("clock of " + service + ": " + clock);
        }
        return java.time.Instant.parse(clock.json().get("now").asString());
    }

    public static synchronized SystemPlatform peek() {
        return instance;
    }

    public static synchronized void shutdown() {
        if (instance != null) {
            instance.platform.close();
            instance.mail.stop();
        }
    }

    private void createAccounts() {
        List<String> created = new ArrayList<>();
        for (var district : DISTRICTS_2020.entrySet()) {
            createAccount(district.getValue(), "Cán bộ OCOP " + district.getKey(), List.of("LOCALITY_OFFICER"),
                    district.getKey());
            created.add(district.getValue());
        }
        for (String member : MEMBERS) {
            createAccount(member, "Thành viên hội đồng " + member.substring(7), List.of("COUNCIL_MEMBER"), null);
        }
        createAccount(DEPARTMENT, "Chuyên viên Sở Nông nghiệp và Phát triển nông thôn", List.of("DEPARTMENT_OFFICER"),
                null, "SO-NNPTNT");
        Http.Response client = http.postJson("/api/identity/clients", adminToken, Map.of("clientId", MACHINE_CLIENT,
                "name", "System tests (ops)", "scopes", List.of("ocop.ops", "catalogue.read", "events.subscribe")));
        if (client.status() != 201 && client.status() != 200) {
            throw new IllegalStateException("machine client: " + client);
        }
        machineSecret = client.json().get("clientSecret").asString();
        for (String username : created) {
            officerTokens.put(username, identity.userToken(username, passwords.get(username)));
        }
        for (String member : MEMBERS) {
            memberTokens.put(member, identity.userToken(member, passwords.get(member)));
        }
        departmentToken = identity.userToken(DEPARTMENT, passwords.get(DEPARTMENT));
    }

    private void createAccount(String username, String displayName, List<String> roles, String locality) {
        createAccount(username, displayName, roles, locality, null);
    }

    private void createAccount(String username, String displayName, List<String> roles, String locality,
            String agency) {
        String password = password();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", displayName);
        body.put("roles", roles);
        if (locality != null) {
            body.put("locality", locality);
        }
        if (agency != null) {
            body.put("agency", agency);
        }
        body.put("password", password);
        Http.Response response = http.postJson("/api/identity/accounts", adminToken, body);
        if (response.status() != 201 && response.status() != 200) {
            throw new IllegalStateException("account " + username + ": " + response);
        }
        passwords.put(username, password);
    }

    public int accountCount() {
        return passwords.size();
    }

    /** Log tails of every service, for a failure report. */
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        for (String service : SERVICES) {
            out.append("\n----- ").append(service).append(" (").append(platform.logFile(service)).append(", last ")
                    .append(lines).append(" lines) -----\n").append(platform.logTail(service, lines)).append('\n');
        }
        return out.toString();
    }

    /** Deletes a directory tree if it exists (a platform's work directory before a fresh start). */
    public static void deleteTree(Path root) {
        if (!java.nio.file.Files.exists(root)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String password() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Kt-");
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.append("-9x").toString();
    }

    private static Map<String, String> districts() {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("883", "longxuyen");
        units.put("884", "chaudoc");
        units.put("886", "anphu");
        units.put("887", "tanchau");
        units.put("888", "phutan");
        units.put("889", "chauphu");
        units.put("890", "tinhbien");
        units.put("891", "triton");
        units.put("892", "chauthanh");
        units.put("893", "chomoi");
        units.put("894", "thoaison");
        return units;
    }
}
