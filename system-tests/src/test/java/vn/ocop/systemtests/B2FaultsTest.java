package vn.ocop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import vn.ocop.systemtests.support.Events;
import vn.ocop.systemtests.support.Http;
import vn.ocop.systemtests.support.PlatformExtension;
import vn.ocop.systemtests.support.Programme;
import vn.ocop.systemtests.support.Programme.Applicant;
import vn.ocop.systemtests.support.Summary;
import vn.ocop.systemtests.support.SystemPlatform;

/**
 * §2 of issue 8: a poison message, kill -9 of dossier-service during a burst of submissions, the Kafka broker down
 * during submissions, the Mongo-wire server down — each ending with "nothing lost, nothing doubled".
 */
@Order(2)
@ExtendWith(PlatformExtension.class)
class B2FaultsTest {

    private static SystemPlatform p;
    private static Programme programme;
    private static String admin;
    private static String roundId;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Every dossier submitted in the faults round so far (all tests): reporting must count each once. */
    private static final Set<String> SUBMITTED = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void round() {
        p = SystemPlatform.get();
        p.realTime();
        programme = new Programme(p.http);
        admin = p.adminToken;
        roundId = programme.openRound(admin, "Đợt kiểm thử sự cố", Programme.COMMUNES_TODAY, 3,
                LocalDate.now(Programme.VN).plusDays(10));
    }

    private static List<Applicant> prepare(int count) {
        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = SEQUENCE.incrementAndGet();
            applicants.add(programme.prepare(admin, roundId, Programme.COMMUNES_TODAY.get(n % 4),
                    "Tổ hợp tác sự cố " + n, "Bánh phồng sự cố " + n, 1, "Tổ " + n));
        }
        return applicants;
    }

    private static Http.Response submit(Applicant applicant) {
        return p.http.postJson("/api/dossier/dossiers/" + applicant.dossierId() + "/submit", admin, Map.of(),
                "Idempotency-Key", "submit-" + applicant.dossierId());
    }

    /** Every dossier once in the list, SUBMITTED; one DossierSubmitted id each; one evaluation case each. */
    private static void nothingLostNothingDoubled(String scenario, List<Applicant> applicants, String extra) {
        Set<String> ids = applicants.stream().map(Applicant::dossierId).collect(Collectors.toSet());
        List<JsonNode> listed = programme.dossiers(admin, roundId).stream()
                .filter(d -> ids.contains(d.get("id").asString())).toList();
        Map<String, Long> timesListed = listed.stream().collect(Collectors.groupingBy(d -> d.get("id").asString(),
                Collectors.counting()));
        Summary.check(scenario, "every accepted submission listed exactly once, SUBMITTED", ids.size()
                + " dossiers, listed " + listed.size() + extra, () -> {
                    assertThat(timesListed.keySet()).containsExactlyInAnyOrderElementsOf(ids);
                    assertThat(timesListed.values()).allMatch(count -> count == 1);
                    assertThat(listed).allMatch(d -> Set.of("SUBMITTED", "IN_EVALUATION")
                            .contains(d.get("status").asString()));
                });
        Map<String, Set<String>> eventIds = new LinkedHashMap<>();
        AtomicInteger records = new AtomicInteger();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            eventIds.clear();
            records.set(0);
            for (Events.Event event : p.events.ofType(Events.DOSSIER, "dossier.submitted")) {
                if (ids.contains(event.key())) {
                    records.incrementAndGet();
                    eventIds.computeIfAbsent(event.key(), k -> new HashSet<>()).add(event.id());
                }
            }
            assertThat(eventIds.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        });
        Summary.check(scenario, "one DossierSubmitted (distinct ce_id) per dossier on ocop.dossier.events", eventIds.size()
                + " dossiers; records " + records.get() + " (re-sends of the same event: " + (records.get()
                - eventIds.values().stream().mapToInt(Set::size).sum()) + ")",
                () -> assertThat(eventIds.values()).allMatch(set -> set.size() == 1));
        Map<String, Integer> cases = new ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Applicant applicant : applicants) {
                cases.put(applicant.dossierId(), programme.cases(admin, applicant.dossierId()).size());
            }
            assertThat(cases.values()).allMatch(count -> count >= 1);
        });
        Summary.check(scenario, "exactly one evaluation case per dossier", cases.size() + " dossiers, "
                + cases.values().stream().mapToInt(Integer::intValue).sum() + " cases",
                () -> assertThat(cases.values()).allMatch(count -> count == 1));
        SUBMITTED.addAll(ids);
        long[] counted = new long[1];
        Instant countFrom = Instant.now();
        try {
            // up to the consumers' max.poll.interval (90 s) and a rejoin: a member stuck since a broker restart
            // holds the group until it is evicted
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Http.Response statistics = p.http.get("/api/reporting/statistics?round=" + roundId, admin);
                counted[0] = statistics.status() == 200 ? statistics.json().get("totals").get("submitted").asLong() : -1;
                return counted[0] >= SUBMITTED.size();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below
        }
        long caughtUpIn = Duration.between(countFrom, Instant.now()).toSeconds();
        Summary.check(scenario, "reporting-service counts every submission of the round exactly once", "submitted "
                + counted[0] + " / expected " + SUBMITTED.size() + " (" + caughtUpIn + " s after the other checks)",
                () -> assertThat(counted[0]).isEqualTo(SUBMITTED.size()));
    }

    @Test
    @Order(1)
    void aPoisonMessageGoesToTheDeadLetterTopicLaterMessagesFlowAndItCanBeReplayed() {
        String scenario = "poison message";
        String key = "poison-" + UUID.randomUUID();
        p.events.publish(Events.DOSSIER, key, "{\"dossierId\": \"unterminated".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/system-tests",
                        "ce_type", "vn.ocop.dossier.submitted.v1", "ce_subject", key, "ce_sequence", "1",
                        "content-type", "application/json"));
        List<JsonNode> letters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            letters.clear();
            Http.Response list = p.http.get("/api/evaluation/admin/dead-letters", p.machineToken);
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            list.json().forEach(letter -> {
                if (key.equals(letter.get("key").asString())) {
                    letters.add(letter);
                }
            });
            assertThat(letters).hasSize(1);
        });
        JsonNode letter = letters.get(0);
        Summary.check(scenario, "bad JSON on ocop.dossier.events → ocop.dlq.evaluation-service, listed by "
                + "GET /api/evaluation/admin/dead-letters (ocop.ops machine token)", "1 dead letter at "
                + letter.get("partition").asInt() + "/" + letter.get("offset").asLong(),
                () -> assertThat(letter.get("originalTopic").asString()).isEqualTo(Events.DOSSIER));

        List<Applicant> after = prepare(1);
        assertThat(programme.submitWhenRoundKnown(admin, after.get(0).dossierId()).status()).isEqualTo(200);
        SUBMITTED.add(after.get(0).dossierId());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> programme.cases(admin, after.get(0).dossierId()).size() == 1);
        Summary.check(scenario, "a later submission on the same topic still opens its case", "1 case",
                () -> { });

        Http.Response replay = p.http.postJson("/api/evaluation/admin/dead-letters/" + letter.get("partition").asInt()
                + "/" + letter.get("offset").asLong() + "/replay", p.machineToken, Map.of());
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> p.events
                .all(Events.DOSSIER).stream().filter(e -> key.equals(e.key())).count() == 2);
        // Nothing can "fix" unparseable bytes: the replayed copy is dead-lettered again, once.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Http.Response list = p.http.get("/api/evaluation/admin/dead-letters", p.machineToken);
            int count = 0;
            for (JsonNode each : list.json()) {
                count += key.equals(each.get("key").asString()) ? 1 : 0;
            }
            return count == 2;
        });
        Summary.check(scenario, "replay (202) republishes the record to its topic; still poison → dead-lettered again",
                "topic copies 2, dead letters 2", () -> { });
    }

    @Test
    @Order(2)
    void killMinus9OfDossierServiceDuringABurstLosesAndDoublesNothing() throws Exception {
        String scenario = "kill -9 dossier-service";
        int count = p.full ? 30 : 12;
        List<Applicant> applicants = prepare(count);
        Map<String, Integer> firstAttempt = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        long pidBefore = p.platform.pid("dossier-service");
        List<Future<?>> futures = new ArrayList<>();
        for (Applicant applicant : applicants) {
            futures.add(pool.submit(() -> {
                firstAttempt.put(applicant.dossierId(), submit(applicant).status());
                answered.incrementAndGet();
            }));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> answered.get() >= count / 3);
        p.platform.kill("dossier-service");
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long acceptedBeforeCrash = firstAttempt.values().stream().filter(s -> s == 200).count();
        Instant restartAt = Instant.now();
        p.platform.start("dossier-service");
        p.realTime(); // a restarted service begins again at the configured 2020 start
        long restartSeconds = Duration.between(restartAt, Instant.now()).toSeconds();
        Instant retriesAt = Instant.now();
        AtomicInteger inProgress = new AtomicInteger();
        // The client retries what it could not confirm, with the same Idempotency-Key.
        int retried = 0;
        Map<String, Integer> retryStatuses = new LinkedHashMap<>();
        for (Applicant applicant : applicants) {
            if (firstAttempt.get(applicant.dossierId()) != 200) {
                retried++;
                // 409 idempotency.in-progress: the killed call still holds the key (lease of 60 s, then taken
                // over) — keep retrying as its Retry-After says; any other answer is final.
                Http.Response retry = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            Http.Response answer = submit(applicant);
                            if (answer.status() == 409 && answer.body().contains("idempotency.in-progress")) {
                                inProgress.incrementAndGet();
                            }
                            return answer;
                        }, r -> r.status() == 200
                                || (r.status() == 409 && !r.body().contains("idempotency.in-progress")));
                String code = retry.status() == 200 ? "200" : retry.status() + " " + retry.json().get("code").asString();
                retryStatuses.merge(code, 1, Integer::sum);
            }
        }
        Map<Integer, Long> firstStatuses = firstAttempt.values().stream().collect(Collectors.groupingBy(s -> s,
                Collectors.counting()));
        int retriedCount = retried;
        Summary.check(scenario, "burst of " + count + " submissions, SIGKILL after a third, restart, client retries",
                "first answers " + firstStatuses + "; restart " + restartSeconds + " s; retried " + retriedCount
                        + " → " + retryStatuses + " in " + Duration.between(retriesAt, Instant.now()).toSeconds()
                        + " s (409 idempotency.in-progress answers meanwhile: " + inProgress.get() + ")", () -> {
                    assertThat(p.platform.pid("dossier-service")).isNotEqualTo(pidBefore);
                    assertThat(acceptedBeforeCrash).isGreaterThanOrEqualTo(count / 3);
                });
        nothingLostNothingDoubled(scenario, applicants, "");
    }

    @Test
    @Order(3)
    void submissionsWhileKafkaIsDownAreAcceptedAndAllPublishedAfterwards() {
        String scenario = "Kafka down " + (p.full ? 30 : 10) + " s";
        Duration outage = Duration.ofSeconds(p.full ? 30 : 10);
        int count = p.full ? 10 : 5;
        List<Applicant> applicants = prepare(count);
        Instant down = Instant.now();
        p.platform.stopKafka();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        List<Long> millis = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Instant at = down.plus(outage.multipliedBy(i).dividedBy(count + 1));
                await().atMost(outage.plusSeconds(5)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !Instant.now().isBefore(at));
                Http.Response response = submit(applicants.get(i));
                statuses.put(applicants.get(i).dossierId(), response.status());
                millis.add(response.millis());
            }
            await().atMost(outage.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !Instant.now().isBefore(down.plus(outage)));
        } finally {
            p.platform.startKafka();
        }
        long downSeconds = Duration.between(down, Instant.now()).toSeconds();
        Summary.check(scenario, "submissions accepted while the broker is down (outbox)", count + " submitted "
                + "over " + downSeconds + " s: statuses " + new java.util.TreeMap<>(statuses.values().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()))) + ", slowest " + Collections.max(millis)
                + " ms", () -> assertThat(statuses.values()).allMatch(s -> s == 200));
        nothingLostNothingDoubled(scenario, applicants, "");
    }

    @Test
    @Order(4)
    void withMongoDownTheApisAnswer503ProblemsQuicklyAndRecoverWithoutARestart() throws Exception {
        String scenario = "Mongo down 10 s";
        List<Applicant> before = prepare(1);
        Map<String, Long> pids = new LinkedHashMap<>();
        SystemPlatform.SERVICES.forEach(s -> pids.put(s, p.platform.pid(s)));
        List<Http.Response> answers = Collections.synchronizedList(new ArrayList<>());
        List<Http.Response> direct = Collections.synchronizedList(new ArrayList<>());
        Http quick = new Http(p.http.base(), Duration.ofSeconds(10));
        Http dossierDirect = new Http(p.platform.url("dossier-service"), Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Instant down = Instant.now();
        p.platform.stopMongo();
        try {
            while (Duration.between(down, Instant.now()).toSeconds() < 10) {
                List<Future<?>> calls = List.of(
                        pool.submit(() -> answers.add(quick.get("/api/dossier/dossiers?size=5", admin))),
                        pool.submit(() -> answers.add(quick.postJson("/api/dossier/entities", admin, Map.of(
                                "type", "HOUSEHOLD", "name", "Hộ kinh doanh lúc mất CSDL", "address",
                                Map.of("street", "Ấp 2", "localityCode", "AG-2025-DK-PHU-QUOC"))))),
                        pool.submit(() -> answers.add(quick.get("/api/evaluation/rounds", admin))),
                        pool.submit(() -> answers.add(quick.postJson("/api/evaluation/councils", admin, Map.of(
                                "name", "Hội đồng lúc mất CSDL", "level", "PROVINCE", "chairId", "hoidong1",
                                "memberIds", SystemPlatform.MEMBERS)))),
                        pool.submit(() -> answers.add(quick.get("/api/identity/accounts/me", admin))),
                        pool.submit(() -> direct.add(dossierDirect.get("/dossiers?size=5", admin))));
                for (Future<?> call : calls) {
                    call.get(30, TimeUnit.SECONDS);
                }
                await().pollDelay(Duration.ofMillis(200)).until(() -> true);
            }
        } finally {
            p.platform.startMongo();
            pool.shutdown();
        }
        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Http.Response::status,
                java.util.TreeMap::new, Collectors.counting()));
        long slowestWrite = answers.stream().filter(r -> !r.method().equals("GET")).mapToLong(Http.Response::millis)
                .max().orElse(0);
        long slowestRead = answers.stream().filter(r -> r.method().equals("GET")).mapToLong(Http.Response::millis)
                .max().orElse(0);
        long slowestDirect = direct.stream().mapToLong(Http.Response::millis).max().orElse(0);
        List<Http.Response> notProblem = answers.stream().filter(r -> r.status() != 503
                || !r.contentType().startsWith("application/problem+json") || r.millis() > 8000).toList();
        Summary.check(scenario, "every API call through the gateway answered 503 problem+json, none hung",
                answers.size() + " calls: statuses " + statuses + (notProblem.isEmpty() ? ""
                        : "; first offender " + notProblem.get(0)), () -> assertThat(notProblem).isEmpty());
        Summary.check(scenario, "writes (POST, not retried by the gateway) within 2 s", "slowest " + slowestWrite
                + " ms", () -> assertThat(slowestWrite).isLessThanOrEqualTo(2000));
        Summary.check(scenario, "dossier-service itself (direct, no gateway) answers 503 within 2 s", direct.size()
                + " calls, slowest " + slowestDirect + " ms", () -> assertThat(direct).allMatch(r -> r.status() == 503
                        && r.millis() <= 2000));
        Summary.check(scenario, "reads (GET) through the gateway within 2 s (a service's 503 is not retried)",
                "slowest GET " + slowestRead + " ms", () -> assertThat(slowestRead).isLessThanOrEqualTo(2000));
        Instant back = Instant.now();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(p.http.get("/api/dossier/dossiers?size=1", admin).status()).isEqualTo(200);
            assertThat(p.http.get("/api/evaluation/rounds", admin).status()).isEqualTo(200);
            assertThat(p.http.get("/api/identity/accounts/me", admin).status()).isEqualTo(200);
        });
        long recovered = Duration.between(back, Instant.now()).toMillis();
        Summary.check(scenario, "APIs answer again without any restart; data from before still there",
                "recovered " + recovered + " ms after the server returned", () -> {
                    SystemPlatform.SERVICES.forEach(s -> assertThat(p.platform.pid(s)).as(s).isEqualTo(pids.get(s)));
                    assertThat(programme.status(admin, before.get(0).dossierId())).isEqualTo("DRAFT");
                });
        // and writes work again
        assertThat(programme.submitWhenRoundKnown(admin, before.get(0).dossierId()).status()).isEqualTo(200);
        nothingLostNothingDoubled(scenario, before, "");
    }
}
