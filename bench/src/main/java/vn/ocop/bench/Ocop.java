package vn.ocop.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import vn.ocop.launcher.Platform;

/** The platform under test: started through the launcher's Platform API, with its admin token and test data. */
final class Ocop implements AutoCloseable {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String ADMIN = "bench.admin";
    static final List<String> SERVICES = List.of("identity-service", "dossier-service", "evaluation-service",
            "reporting-service", "notification-service", "gateway");
    /** Units valid today (after the 2025 merger) that dossier-service knows (as in the system tests). */
    static final List<String> COMMUNES = List.of("AG-2025-XA-AN-PHU", "AG-2025-DK-PHU-QUOC", "AG-2025-DK-KIEN-HAI",
            "AG-2025-DK-THO-CHAU");

    final Platform platform;
    final Duration startedIn;
    final Http gateway;
    final Http dossier;
    final Http reporting;
    final Http notification;
    final String adminPassword;
    String adminToken;

    record Applicant(String entityId, String productId, String locality, String productName) {
    }

    private Ocop(Platform platform, Duration startedIn, String adminPassword) {
        this.platform = platform;
        this.startedIn = startedIn;
        this.adminPassword = adminPassword;
        Duration timeout = Duration.ofSeconds(30);
        this.gateway = new Http(platform.url("gateway"), timeout);
        this.dossier = new Http(platform.url("dossier-service"), timeout);
        this.reporting = new Http(platform.url("reporting-service"), timeout);
        this.notification = new Http(platform.url("notification-service"), Duration.ofHours(2));
    }

    /** Starts the platform in a fresh work directory; returns when every service is ready. */
    static Ocop start(Options options, Path work, int smtpPort) {
        deleteTree(work);
        String password = password();
        long begin = System.nanoTime();
        Platform.Builder builder = Platform.builder(options.home()).workDirectory(work).services(SERVICES)
                .environment("identity-service", Map.of("OCOP_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                        "OCOP_BOOTSTRAP_ADMIN_PASSWORD", password, "OCOP_IDENTITY_ACCESS_TOKEN_LIFETIME", "240m"))
                // one bench client sends everything: lift the per-client rate limit, as the system tests do
                .environment("gateway", Map.of("OCOP_RATE_LIMIT_PER_SECOND", "1000000"))
                .environment("dossier-service", Map.of("OCOP_DOSSIER_REQUIRED_DOCUMENT_KINDS",
                        options.get("required-documents")))
                // the rebuild logs where its time went (polling, decoding, waiting for writes) at debug
                .environment("reporting-service", Map.of("LOGGING_LEVEL_VN_OCOP_REPORTING_PROJECTION", "DEBUG"))
                .environment("notification-service", Map.of("OCOP_SMTP_HOST", "127.0.0.1",
                        "OCOP_SMTP_PORT", String.valueOf(smtpPort),
                        "OCOP_NOTIFICATION_EMAIL_POLL_INTERVAL", options.get("email-poll-interval")))
                .readyTimeout(Duration.ofSeconds(300));
        List<String> serviceJvm = options.get("service-jvm").isBlank() ? List.of()
                : List.of(options.get("service-jvm").trim().split("\\s+"));
        Set<String> named = options.set("service-jvm-services");
        if (!SERVICES.containsAll(named)) {
            throw new IllegalArgumentException("--service-jvm-services names unknown services: " + named
                    + "; known: " + SERVICES);
        }
        SERVICES.stream().filter(service -> named.isEmpty() || named.contains(service))
                .forEach(service -> builder.jvmOptions(service, serviceJvm));
        Platform platform = builder.start();
        Duration startedIn = Duration.ofNanos(System.nanoTime() - begin);
        return new Ocop(platform, startedIn, password);
    }

    void login() {
        adminToken = Login.user(gateway.base(), ADMIN, adminPassword);
    }

    /** A round open today for the four communes, deadline far enough that no reminder of it fires. */
    String openRound(String name) {
        LocalDate today = LocalDate.now(VN);
        List<Map<String, Object>> units = new ArrayList<>();
        COMMUNES.forEach(code -> units.add(Map.of("localityCode", code, "targetProducts", 1_000_000)));
        Http.Response round = gateway.postJson("/api/evaluation/rounds", adminToken, Map.of("name", name,
                "regimeCode", "QD1489-2025", "level", "PROVINCE", "submissionDeadline", today.plusDays(90).toString(),
                "plannedSessionDates", List.of(today.plusDays(100).toString()), "localities", units));
        require(round.status() == 201, "open round", round);
        return round.json().get("id").asString();
    }

    /** Entities with one product each, spread over the communes (reused by every dossier of the bench). */
    List<Applicant> applicants(int count, String prefix, int criteriaSet) {
        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String locality = COMMUNES.get(i % COMMUNES.size());
            String name = "HTX " + prefix + " " + i;
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("type", "COOPERATIVE");
            entity.put("name", name);
            entity.put("taxCode", "16" + String.format("%08d", Math.floorMod((prefix + i).hashCode(), 100_000_000)));
            entity.put("representative", Map.of("name", "Nguyễn Thị Hạnh", "female", true, "ethnicMinority", false));
            entity.put("address", Map.of("street", "Ấp " + i, "localityCode", locality));
            Http.Response created = dossier.postJson("/entities", adminToken, entity);
            require(created.status() == 201, "entity", created);
            String entityId = created.json().get("id").asString();
            String productName = "Sản phẩm " + prefix + " " + i;
            Http.Response product = dossier.postJson("/products", adminToken, Map.of("entityId", entityId,
                    "name", productName, "criteriaSetCode", criteriaSet, "productGroup", "THUC_PHAM",
                    "description", "Sản phẩm thử tải " + prefix + " " + i + ", đặc sản địa phương."));
            require(product.status() == 201, "product", product);
            applicants.add(new Applicant(entityId, product.json().get("id").asString(), locality, productName));
        }
        return applicants;
    }

    /**
     * DRAFT dossiers ready to submit, created directly on dossier-service with a bounded concurrency (seeding is not
     * measured), with one small PDF per required document kind.
     */
    List<String> drafts(int count, String roundId, List<Applicant> applicants, List<String> documentKinds,
            int concurrency) {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Applicant applicant = applicants.get(i % applicants.size());
            slots.acquireUninterruptibly();
            CompletableFuture<?> one = dossier.sendAsync(dossier.postJsonRequest("/dossiers", adminToken,
                    Map.of("entityId", applicant.entityId(), "productId", applicant.productId(), "roundId", roundId)))
                    .thenApply(response -> {
                        if (response.status() != 201) {
                            if (failures.incrementAndGet() < 5) {
                                System.err.println("[bench] draft failed: " + response);
                            }
                            return null;
                        }
                        String id = response.json().get("id").asString();
                        for (String kind : documentKinds) {
                            Http.Response upload = dossier.upload("/dossiers/" + id + "/documents?kind=" + kind,
                                    adminToken, kind.toLowerCase() + ".pdf", "application/pdf", pdf(kind));
                            if (upload.status() != 200 && upload.status() != 201) {
                                failures.incrementAndGet();
                                return null;
                            }
                        }
                        ids.add(id);
                        return id;
                    })
                    .whenComplete((id, failure) -> slots.release());
            all.add(one);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + count + " drafts failed");
        }
        return new ArrayList<>(ids);
    }

    /** Waits until dossier-service knows the round (its RoundOpened read model lags): submits one draft. */
    void awaitRoundKnown(String draftId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Http.Response submitted = dossier.postJson("/dossiers/" + draftId + "/submit", adminToken, Map.of());
            if (submitted.status() == 200) {
                return;
            }
            if (System.nanoTime() > deadline || (submitted.status() != 422 && submitted.status() != -1)) {
                throw new IllegalStateException("first submission failed: " + submitted);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
        }
    }

    static byte[] pdf(String title) {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] "
                + "/Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n% "
                + title.replaceAll("[^A-Za-z0-9 ]", "") + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static void require(boolean condition, String what, Http.Response response) {
        if (!condition) {
            throw new IllegalStateException(what + " failed: " + response);
        }
    }

    static String password() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Bn-");
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.append("-7q").toString();
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
