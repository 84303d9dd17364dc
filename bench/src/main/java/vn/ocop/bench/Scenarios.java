package vn.ocop.bench;

import static vn.ocop.bench.BenchMain.map;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import tools.jackson.databind.JsonNode;
import vn.ocop.bench.Report.Verdict;
import vn.ocop.chassis.outbox.KafkaOutboxPublisher;
import vn.ocop.chassis.outbox.OutboxEvent;
import vn.ocop.chassis.tracing.TraceContext;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.EntitySummary;
import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.contracts.dossier.ProductSummary;
import vn.ocop.launcher.LauncherProcess;

/** The six measurements of issue 9, each beside its same-run baseline. */
final class Scenarios implements AutoCloseable {

    private final Options options;
    private final Report report;
    private final String runId = Long.toString(System.currentTimeMillis() % 10_000_000L, 36);
    private SmtpSink smtp;
    private Ocop ocop;
    private MongoClient mongo;
    private Admin kafkaAdmin;
    private String roundId;
    private List<Ocop.Applicant> applicants;
    private List<String> documentKinds;
    private final List<Runnable> jfrStops = new ArrayList<>();

    Scenarios(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void runAll() throws Exception {
        Set<String> chosen = options.set("scenarios");
        smtp = new SmtpSink();
        footprintAtStart();
        ocop.login();
        mongo = MongoClients.create(ocop.platform.mongoConnectionString());
        kafkaAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ocop.platform.kafkaBootstrapServers()));
        documentKinds = options.set("required-documents").stream().sorted().toList();
        roundId = ocop.openRound("Đợt thử tải " + runId);
        applicants = ocop.applicants(40, "bench-" + runId, 1);
        startJfrIfAsked();
        if (chosen.contains("intake")) {
            intake();
        }
        if (chosen.contains("events")) {
            eventLatency();
        }
        if (chosen.contains("rating")) {
            ratingPath();
        }
        if (chosen.contains("reminders")) {
            reminders();
        }
        benchPlatformFootprint("after load");
        if (chosen.contains("rebuild")) {
            rebuild();
        }
    }

    // ---- 6. footprint --------------------------------------------------------------------------------------

    private void footprintAtStart() {
        launcherFootprint();
        // The load scenarios run on the launcher's Platform API inside this JVM (Kafka and the Mongo-wire server
        // here too, next to the load generator): its services' JVM options add no profile, so their JVM cache is
        // another one, trained by a first start here, outside the figures.
        Path work = options.out().resolve("platform");
        long trainingBegin = System.nanoTime();
        Ocop training = Ocop.start(options, work, smtp.port());
        training.close();
        log("bench platform: first start and stop (trains its JVM cache) in "
                + Duration.ofNanos(System.nanoTime() - trainingBegin).toSeconds() + " s");
        ocop = Ocop.start(options, work, smtp.port());
        log("bench platform: ready in " + ocop.startedIn.toMillis() + " ms");
        report.row("footprint", "the bench's own platform (Platform API in the bench JVM): start → ready (s)", "—",
                Report.number(ocop.startedIn.toMillis() / 1000.0, 1) + " (n=1)", "—", "—", Verdict.INFO);
        LockSupport.parkNanos(Duration.ofSeconds(options.smoke() ? 3 : 10).toNanos());
        benchPlatformFootprint("idle after start");
    }

    /**
     * Start time and idle RSS of what a user runs: {@code ./ocop start}, i.e. the launcher jar in its own JVM with
     * {@code launcher/jvm.options}. The first start after a build trains each service's JVM cache (launcher
     * JvmCache) and writes it when it stops: timed and reported on its own, outside the median.
     */
    private void launcherFootprint() {
        int reps = Math.max(1, options.integer("ready-reps"));
        Path data = options.out().resolve("launcher-data");
        Ocop.deleteTree(data);
        List<String> arguments = new ArrayList<>(List.of("--data=" + data.toAbsolutePath(), "--ready-timeout=300"));
        // JVM options given for every service apply to `./ocop start` too, so that its rows measure that profile
        if (!options.get("service-jvm").isBlank() && options.set("service-jvm-services").isEmpty()) {
            arguments.add("--service-jvm=" + options.get("service-jvm").trim());
        }
        Duration timeout = Duration.ofMinutes(6);
        LauncherProcess first = LauncherProcess.start(options.home(), arguments,
                options.out().resolve("launcher-start-0.log"), timeout);
        long stopBegin = System.nanoTime();
        first.close();
        Duration firstStop = Duration.ofNanos(System.nanoTime() - stopBegin);
        log("./ocop start, first start after the build: ready in " + first.readyIn().toMillis() + " ms, stopped in "
                + firstStop.toMillis() + " ms");
        report.row("footprint", "`./ocop start`, first start after a build (trains the JVM cache): ready / stop (s)",
                "—", Report.number(first.readyIn().toMillis() / 1000.0, 1) + " / "
                        + Report.number(firstStop.toMillis() / 1000.0, 1) + " (n=1)", "—", "—", Verdict.INFO);
        List<Double> ready = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
            try (LauncherProcess launcher = LauncherProcess.start(options.home(), arguments,
                    options.out().resolve("launcher-start-" + (rep + 1) + ".log"), timeout)) {
                ready.add(launcher.readyIn().toMillis() / 1000.0);
                log("./ocop start " + (rep + 1) + "/" + reps + ": ready in " + launcher.readyIn().toMillis() + " ms");
                if (rep == reps - 1) {
                    // idle: let start-up work (index creation, first scheduler passes) end before reading RSS
                    LockSupport.parkNanos(Duration.ofSeconds(options.smoke() ? 3 : 10).toNanos());
                    launcherIdleFootprint(launcher);
                }
            }
        }
        Reps readyReps = new Reps(ready);
        report.row("footprint", "`./ocop start`: launcher JVM start → all 6 services ready (s)", "≤ 30 s",
                readyReps.format(1), "—", "—", Report.verdict(readyReps.median() <= 30));
        report.detail("readySeconds", ready);
    }

    private void launcherIdleFootprint(LauncherProcess launcher) {
        Map<String, Object> rows = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("| process | pid | RSS (MiB) | heap used (MiB) |\n|---|---|---|---|\n");
        double total = Machine.rssMiB(launcher.pid());
        table.append("| launcher (in-process Kafka + Mongo-wire server) | ").append(launcher.pid()).append(" | ")
                .append(Report.number(total, 0)).append(" | — |\n");
        rows.put("launcher", map("pid", launcher.pid(), "rssMiB", total));
        for (LauncherProcess.Service service : launcher.services()) {
            double rss = Machine.rssMiB(service.pid());
            double heap = Machine.heapUsedMiB(new Http(service.url(), Duration.ofSeconds(10)));
            total += rss;
            table.append("| ").append(service.name()).append(" | ").append(service.pid()).append(" | ")
                    .append(Report.number(rss, 0)).append(" | ").append(Report.number(heap, 0)).append(" |\n");
            rows.put(service.name(), map("pid", service.pid(), "rssMiB", rss, "heapMiB", heap));
        }
        table.append("| **total** | | **").append(Report.number(total, 0)).append("** | |\n");
        report.text("Footprint", "`./ocop start` (" + launcher.services().size() + " services), idle 10 s after"
                + " ready: RSS (`/proc/<pid>/status` VmRSS) and heap used (`jvm_memory_used_bytes{area=\"heap\"}`"
                + " summed, from each service's `/actuator/prometheus`):\n\n" + table);
        report.detail("footprint ./ocop start idle", rows);
        report.row("footprint", "`./ocop start`: RSS of all processes, idle after start (MiB)",
                "≤ 1,536 MiB (1.5 GB) idle", Report.number(total, 0) + " (n=1)", "—", "—",
                Report.verdict(total <= 1536));
    }

    private void benchPlatformFootprint(String when) {
        Map<String, Object> rows = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("| process | pid | RSS (MiB) | heap used (MiB) |\n|---|---|---|---|\n");
        long self = ProcessHandle.current().pid();
        double total = Machine.rssMiB(self);
        table.append("| bench JVM (in-process Kafka + Mongo-wire server, and the load generator) | ")
                .append(self).append(" | ").append(Report.number(total, 0)).append(" | ")
                .append(Report.number(Machine.ownHeapUsedMiB(), 0)).append(" |\n");
        rows.put("bench JVM", map("pid", self, "rssMiB", total, "heapMiB", Machine.ownHeapUsedMiB()));
        for (String service : Ocop.SERVICES) {
            if (!ocop.platform.isAlive(service)) {
                continue;
            }
            long pid = ocop.platform.pid(service);
            double rss = Machine.rssMiB(pid);
            double heap = Machine.heapUsedMiB(new Http(ocop.platform.url(service), Duration.ofSeconds(10)));
            total += rss;
            table.append("| ").append(service).append(" | ").append(pid).append(" | ").append(Report.number(rss, 0))
                    .append(" | ").append(Report.number(heap, 0)).append(" |\n");
            rows.put(service, map("pid", pid, "rssMiB", rss, "heapMiB", heap));
        }
        table.append("| **total** | | **").append(Report.number(total, 0)).append("** | |\n");
        report.text("Footprint", "The bench's own platform, " + when + ": RSS and heap used as above:\n\n" + table);
        report.detail("footprint bench platform " + when, rows);
        report.row("footprint", "the bench's own platform: RSS of all processes, " + when + " (MiB)", "—",
                Report.number(total, 0) + " (n=1)", "—", "—", Verdict.INFO);
    }

    private void startJfrIfAsked() {
        for (String service : options.set("jfr")) {
            Path file = options.out().resolve("jfr").resolve(service + "-" + runId + ".jfr");
            try {
                Files.createDirectories(file.getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String answer = Machine.startJfr(ocop.platform.pid(service), "bench", file, options.get("jfr-duration"));
            log("JFR on " + service + ": " + answer);
            report.note("JFR recording of " + service + " (profile settings, " + options.get("jfr-duration")
                    + " from the start of the load): " + options.home().relativize(file));
        }
    }

    // ---- 1. intake -----------------------------------------------------------------------------------------

    /** The repetitions of one path at one rate. */
    private static final class Phases {
        final List<Double> throughput = new ArrayList<>();
        final List<Double> p50 = new ArrayList<>();
        final List<Double> p99 = new ArrayList<>();
        final List<Map<String, Object>> raw = new ArrayList<>();
        final List<CpuTimes> cpuPerSubmission = new ArrayList<>();
        long errors;

        void add(int rep, Submissions run) {
            throughput.add(run.stats().throughput());
            p50.add(run.stats().p50());
            p99.add(run.stats().p99());
            errors += run.stats().errors();
            cpuPerSubmission.add(run.cpuPerSubmission());
            raw.add(map("rep", rep + 1, "stats", run.stats(), "statuses", run.statuses().toString(),
                    "cpuMsPerSubmission", run.cpuPerSubmission().byProcess()));
        }
    }

    /**
     * One phase's latencies and answers, and the CPU each process spent per successful submission from the
     * phase's start until every consumer had applied its events (warm-up included, as its submissions are).
     */
    private record Submissions(LatencyStats stats, Map<Integer, AtomicLong> statuses, CpuTimes cpuPerSubmission) {
    }

    private static final String BENCH_PROCESS = "bench JVM (Kafka, Mongo-wire, load generator)";

    /** CPU used so far by the bench JVM and every running service. */
    private CpuTimes cpuNow() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(BENCH_PROCESS, ProcessHandle.current().pid());
        for (String service : Ocop.SERVICES) {
            if (ocop.platform.isAlive(service)) {
                pids.put(service, ocop.platform.pid(service));
            }
        }
        return CpuTimes.of(pids);
    }

    /** One timed phase: fresh DRAFT dossiers submitted at a fixed rate through the gateway or directly. */
    private Submissions submissions(String target, int rate, Duration warmup, Duration measure, String label) {
        int needed = (int) Math.ceil(rate * (warmup.toMillis() + measure.toMillis()) / 1000.0) + 10;
        List<String> drafts = drafts(needed);
        settle();
        Http http = target.equals("gateway") ? ocop.gateway : ocop.dossier;
        String prefix = target.equals("gateway") ? "/api/dossier/dossiers/" : "/dossiers/";
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        CpuTimes before = cpuNow();
        LatencyStats stats = OpenLoad.run(rate, warmup, measure, options.integer("max-in-flight"),
                i -> i >= drafts.size() ? CompletableFuture.completedFuture(false)
                        : http.sendAsync(http.postJsonRequest(prefix + drafts.get((int) i) + "/submit",
                                ocop.adminToken, Map.of())).thenApply(r -> counted(statuses, r)));
        settle();
        long succeeded = statuses.getOrDefault(200, new AtomicLong()).get();
        CpuTimes cpu = cpuNow().since(before).per(Math.max(1, succeeded));
        log(label + ": " + stats + " statuses " + statuses + String.format(Locale.ROOT,
                " CPU per submission %.2f ms (kernel %.2f)", cpu.total().totalMs(), cpu.total().systemMs()));
        return new Submissions(stats, statuses, cpu);
    }

    /** CPU per second of each process while nothing is sent (timers, polls, heartbeats), over {@code length}. */
    private CpuTimes idleCpu(Duration length) {
        settle();
        CpuTimes before = cpuNow();
        long begin = System.nanoTime();
        LockSupport.parkNanos(length.toNanos());
        return cpuNow().since(before).per(BenchMain.since(begin).toMillis() / 1000.0);
    }

    /**
     * Where a submission's CPU goes, process by process, at the first rate (median over the repetitions), beside
     * what each process burns per second when idle.
     */
    private void cpuTable(List<Step> steps, CpuTimes idle) {
        int rate = options.integers("rates").get(0);
        Map<String, Step> first = new LinkedHashMap<>();
        steps.stream().filter(s -> s.rate() == rate).forEach(s -> first.put(s.target(), s));
        if (first.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder("CPU time each process used per successful submission at " + rate
                + "/s (user + kernel from `/proc/<pid>/stat`, from a phase's first request until every consumer group "
                + "had no lag, divided by the submissions answered 200; median (min–max) of the repetitions), and "
                + "each process's CPU per second idle (" + IDLE_CPU.toSeconds() + " s with no load, after the "
                + "platform warm-up). Kernel = the share of the CPU time spent in the kernel.\n\n| process | idle "
                + "(ms CPU/s) |");
        first.keySet().forEach(target -> table.append(" ").append(target).append(": ms CPU per submission | kernel |"));
        table.append("\n|---|---|").append("---|---|".repeat(first.size())).append("\n");
        List<String> processes = new ArrayList<>(idle.byProcess().keySet());
        processes.add("all processes");
        for (String process : processes) {
            boolean all = process.equals("all processes");
            CpuTimes.Used idleUsed = all ? idle.total() : idle.byProcess().get(process);
            table.append("| ").append(all ? "**all processes**" : process).append(" | ")
                    .append(Report.number(idleUsed.totalMs(), 1)).append(" |");
            for (Step step : first.values()) {
                List<Double> total = new ArrayList<>();
                double kernel = 0;
                double sum = 0;
                for (CpuTimes perSubmission : step.cpuPerSubmission()) {
                    CpuTimes.Used used = all ? perSubmission.total() : perSubmission.byProcess().get(process);
                    if (used != null) {
                        total.add(used.totalMs());
                        kernel += used.systemMs();
                        sum += used.totalMs();
                    }
                }
                table.append(" ").append(new Reps(total).format(2)).append(" | ")
                        .append(sum > 0 ? Report.number(100 * kernel / sum, 0) + " %" : "—").append(" |");
            }
            table.append("\n");
        }
        report.text("Intake (dossier submissions)", table.toString());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("idleMsPerSecond", idle.byProcess());
        first.forEach((target, step) -> detail.put(target + "MsPerSubmission",
                step.cpuPerSubmission().stream().map(CpuTimes::byProcess).toList()));
        report.detail("intake cpu " + rate, detail);
    }

    private static final Duration IDLE_CPU = Duration.ofSeconds(10);

    /**
     * Submissions through the gateway at the first rate for {@code platform-warmup-s}, not recorded: the first
     * minute of load after a start is the JIT compiling six JVMs on two cores (on 2026-12-04 the first gateway
     * repetition ran at p50 4.2 s, the third at 0.15 s); the steps measure the platform after it.
     */
    private void warmUpPlatform() {
        Duration length = options.seconds("platform-warmup-s");
        if (length.isZero()) {
            return;
        }
        int rate = options.integers("rates").get(0);
        Submissions run = submissions("gateway", rate, Duration.ZERO, length,
                "platform warm-up, gateway " + rate + "/s for " + length.toSeconds() + " s");
        report.note("Intake: before the first step, " + length.toSeconds() + " s of submissions through the gateway at "
                + rate + "/s, not recorded (the platform's JIT warm-up): p50 " + Report.number(run.stats().p50(), 0)
                + " ms, p99 " + Report.number(run.stats().p99(), 0) + " ms, achieved "
                + Report.number(run.stats().throughput(), 1) + "/s. The repetitions then alternate which path goes"
                + " first.");
    }

    private record Step(int rate, String target, Reps throughput, Reps p50, Reps p99, long errors, boolean sustained,
            List<CpuTimes> cpuPerSubmission) {
    }

    private void intake() {
        Duration warmup = options.seconds("warmup-s");
        Duration measure = options.seconds("measure-s");
        double slo = options.integer("p99-target-ms");
        int reps = options.integer("reps");
        warmUpPlatform();
        CpuTimes idle = idleCpu(IDLE_CPU);
        Map<String, Boolean> stillGoing = new LinkedHashMap<>(Map.of("gateway", true, "direct", true));
        List<Step> steps = new ArrayList<>();
        for (int rate : options.integers("rates")) {
            Map<String, Phases> phases = new LinkedHashMap<>();
            for (int rep = 0; rep < reps; rep++) {
                // the paths take turns going first, so neither collects more of the platform's warm-up
                List<String> order = rep % 2 == 0 ? List.of("gateway", "direct") : List.of("direct", "gateway");
                for (String target : order) {
                    if (stillGoing.get(target)) {
                        phases.computeIfAbsent(target, t -> new Phases()).add(rep,
                                submissions(target, rate, warmup, measure, "intake " + target + " " + rate
                                        + "/s rep " + (rep + 1)));
                    }
                }
            }
            for (var entry : phases.entrySet()) {
                Phases phase = entry.getValue();
                Reps p99Reps = new Reps(phase.p99);
                Reps thr = new Reps(phase.throughput);
                boolean sustained = phase.errors == 0 && p99Reps.median() <= slo && thr.median() >= 0.95 * rate;
                steps.add(new Step(rate, entry.getKey(), thr, new Reps(phase.p50), p99Reps, phase.errors, sustained,
                        phase.cpuPerSubmission));
                report.detail("intake " + entry.getKey() + " " + rate, phase.raw);
                if (!sustained) {
                    stillGoing.put(entry.getKey(), false);
                }
            }
            if (!stillGoing.containsValue(true)) {
                break;
            }
        }
        StringBuilder table = new StringBuilder("Open model, fixed arrival rate; latency from the intended send time "
                + "(coordinated omission corrected); warm-up " + warmup.toSeconds() + " s excluded, " + measure.toSeconds()
                + " s measured per repetition; each repetition submits fresh DRAFT dossiers prepared beforehand "
                + "(required document kinds: " + (documentKinds.isEmpty() ? "none (OCOP_DOSSIER_REQUIRED_DOCUMENT_KINDS "
                + "set empty for the bench)" : documentKinds) + "). Direct = the same request with the same JWT to "
                + "dossier-service's own port.\n\n| offered /s | path | achieved /s | p50 ms | p99 ms | errors | p99 ≤ "
                + (int) slo + " ms sustained |\n|---|---|---|---|---|---|---|\n");
        for (Step step : steps) {
            table.append("| ").append(step.rate()).append(" | ").append(step.target()).append(" | ")
                    .append(step.throughput().format(1)).append(" | ").append(step.p50().format(2)).append(" | ")
                    .append(step.p99().format(2)).append(" | ").append(step.errors()).append(" | ")
                    .append(step.sustained() ? "yes" : "no").append(" |\n");
        }
        report.text("Intake (dossier submissions)", table.toString());
        cpuTable(steps, idle);
        int gatewayMax = steps.stream().filter(s -> s.target().equals("gateway") && s.sustained())
                .mapToInt(Step::rate).max().orElse(0);
        int directMax = steps.stream().filter(s -> s.target().equals("direct") && s.sustained())
                .mapToInt(Step::rate).max().orElse(0);
        report.row("intake", "max sustained submissions/s at p99 ≤ " + (int) slo + " ms, through the gateway (stepped "
                + options.get("rates") + ")", "≥ 500/s", gatewayMax + "/s", "direct: " + directMax + "/s",
                directMax == 0 ? "n/a" : Report.number((double) gatewayMax / directMax, 2) + "×",
                Report.verdict(gatewayMax >= 500));
        // the gateway's cost at the highest rate both paths ran
        int common = steps.stream().filter(s -> s.target().equals("gateway")).mapToInt(Step::rate)
                .filter(rate -> steps.stream().anyMatch(s -> s.target().equals("direct") && s.rate() == rate))
                .filter(rate -> steps.stream().filter(s -> s.rate() == rate).allMatch(Step::sustained))
                .max().orElse(steps.isEmpty() ? 0 : steps.get(0).rate());
        Step g = steps.stream().filter(s -> s.target().equals("gateway") && s.rate() == common).findFirst().orElse(null);
        Step d = steps.stream().filter(s -> s.target().equals("direct") && s.rate() == common).findFirst().orElse(null);
        if (g != null && d != null) {
            double p50Ratio = g.p50().ratioTo(d.p50());
            report.row("intake", "p50 at " + common + "/s, gateway (ms)", "≤ 1.3× direct", g.p50().format(2),
                    "direct: " + d.p50().format(2), Report.number(p50Ratio, 2) + "×", Report.verdict(p50Ratio <= 1.3));
            report.row("intake", "p99 at " + common + "/s, gateway (ms)", "—", g.p99().format(2),
                    "direct: " + d.p99().format(2), Report.number(g.p99().ratioTo(d.p99()), 2) + "×", Verdict.INFO);
        }
    }

    private final AtomicInteger failuresShown = new AtomicInteger();

    /** True for 200; counts every status (-1: no answer) and prints the first few failures. */
    private boolean counted(Map<Integer, AtomicLong> statuses, Http.Response response) {
        statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
        if (response.status() != 200 && failuresShown.incrementAndGet() <= 5) {
            log("failed submission: " + response);
        }
        return response.status() == 200;
    }

    private List<String> drafts(int count) {
        long begin = System.nanoTime();
        List<String> drafts = ocop.drafts(count, roundId, applicants, documentKinds, options.integer("seed-concurrency"));
        if (!roundKnown) {
            ocop.awaitRoundKnown(drafts.remove(drafts.size() - 1));
            roundKnown = true;
        }
        log("seeded " + count + " drafts in " + BenchMain.since(begin).toMillis() + " ms");
        return drafts;
    }

    private boolean roundKnown;

    /** Waits until every consumer group of the services has no lag (the previous phase's events are all applied). */
    private void settle() {
        long begin = System.nanoTime();
        long deadline = begin + options.seconds("settle-timeout-s").toNanos();
        int quiet = 0;
        long lag = -1;
        while (System.nanoTime() < deadline) {
            lag = totalLag(null);
            quiet = lag == 0 ? quiet + 1 : 0;
            if (quiet >= 2) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        log("settle: consumer lag still " + lag + " after " + BenchMain.since(begin).toSeconds() + " s; going on");
    }

    /** The summed lag of the services' consumer groups (all, or only {@code group}); rebuild groups excluded. */
    private long totalLag(String group) {
        try {
            long lag = 0;
            for (ConsumerGroupListing listing : kafkaAdmin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                String id = listing.groupId();
                if ((group != null && !id.equals(group)) || id.contains("rebuild") || id.startsWith("bench")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = kafkaAdmin.listConsumerGroupOffsets(id)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = kafkaAdmin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null && ends.get(entry.getKey()) != null) {
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
            }
            return lag;
        } catch (Exception e) {
            log("lag check failed: " + e);
            return -1;
        }
    }

    // ---- 2. event latency ----------------------------------------------------------------------------------

    /** How often the read model is asked which pending dossiers it counts: the resolution of the latency. */
    private static final Duration POLL_PERIOD = Duration.ofMillis(5);

    private void eventLatency() throws Exception {
        int rate = options.integer("event-rate");
        Duration warmup = options.seconds("warmup-s");
        Duration measure = options.seconds("event-s");
        int reps = options.integer("reps");
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> floorP50 = new ArrayList<>();
        List<Double> floorP99 = new ArrayList<>();
        List<Double> resolution = new ArrayList<>();
        long missing = 0;
        int warmupCount = (int) (rate * warmup.toMillis() / 1000);
        for (int rep = 0; rep < reps; rep++) {
            List<String> drafts = drafts((int) Math.ceil(rate * (warmup.toMillis() + measure.toMillis()) / 1000.0) + 10);
            settle();
            Map<String, Long> returned = new ConcurrentHashMap<>();
            Histogram histogram = LatencyStats.newHistogram();
            AtomicBoolean loadDone = new AtomicBoolean();
            AtomicLong cycles = new AtomicLong();
            AtomicLong cycleNanos = new AtomicLong();
            MongoCollection<Document> readModel = mongo.getDatabase("ocop-reporting")
                    .getCollection("dossiers_g" + activeGeneration());
            Thread poller = Thread.ofPlatform().name("bench-readmodel-poller").start(() -> {
                long giveUpAt = Long.MAX_VALUE;
                while (true) {
                    if (loadDone.get() && giveUpAt == Long.MAX_VALUE) {
                        giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    }
                    if ((loadDone.get() && returned.isEmpty()) || System.nanoTime() > giveUpAt) {
                        return;
                    }
                    List<String> pending = new ArrayList<>(returned.keySet());
                    if (pending.isEmpty()) {
                        LockSupport.parkNanos(200_000);
                        continue;
                    }
                    long start = System.nanoTime();
                    for (int from = 0; from < pending.size(); from += 500) {
                        List<String> chunk = pending.subList(from, Math.min(pending.size(), from + 500));
                        for (Document found : readModel.find(Filters.and(Filters.in("_id", chunk),
                                Filters.eq("status", "SUBMITTED"))).projection(Projections.include("_id"))) {
                            long now = System.nanoTime();
                            Long at = returned.remove(found.getString("_id"));
                            if (at != null) {
                                histogram.recordValue(Math.max(1, (now - at) / 1000));
                            }
                        }
                    }
                    long took = System.nanoTime() - start;
                    cycles.incrementAndGet();
                    cycleNanos.addAndGet(took);
                    // At most one cycle per POLL_PERIOD: polled flat out, a backlog of thousands of pending ids
                    // kept this thread and the Mongo-wire server busy for most of a core of the two measured.
                    LockSupport.parkNanos(POLL_PERIOD.toNanos() - took);
                }
            });
            LatencyStats submit = OpenLoad.run(rate, warmup, measure, options.integer("max-in-flight"),
                    i -> i >= drafts.size() ? CompletableFuture.completedFuture(false)
                            : ocop.gateway.sendAsync(ocop.gateway.postJsonRequest("/api/dossier/dossiers/"
                                    + drafts.get((int) i) + "/submit", ocop.adminToken, Map.of())).thenApply(r -> {
                                        if (r.status() == 200 && i >= warmupCount) {
                                            returned.put(drafts.get((int) i), System.nanoTime());
                                        }
                                        return r.status() == 200;
                                    }));
            loadDone.set(true);
            poller.join();
            missing += returned.size();
            LatencyStats events = LatencyStats.of(histogram, returned.size(), measure.toMillis() / 1000.0);
            double cycleMs = cycles.get() == 0 ? Double.NaN : cycleNanos.get() / 1e6 / cycles.get();
            log("event latency rep " + (rep + 1) + ": " + events + "; submit " + submit + "; poll cycle " + cycleMs + " ms");
            p50.add(events.p50());
            p99.add(events.p99());
            resolution.add(cycleMs);
            LatencyStats floor = kafkaFloor(rate, warmup, measure);
            log("kafka floor rep " + (rep + 1) + ": " + floor);
            floorP50.add(floor.p50());
            floorP99.add(floor.p99());
            report.detail("event latency rep " + (rep + 1), map("submit", submit, "submitToReadModel", events,
                    "kafkaProduceToConsume", floor, "pollCycleMs", cycleMs));
        }
        Reps p99Reps = new Reps(p99);
        report.row("event latency", "submit returned → dossier in reporting's read model, p50 at " + rate + "/s (ms)", "—",
                new Reps(p50).format(1), "Kafka produce→consume: " + new Reps(floorP50).format(2),
                Report.number(new Reps(p50).ratioTo(new Reps(floorP50)), 1) + "×", Verdict.INFO);
        report.row("event latency", "… p99 at " + rate + "/s (ms)", "≤ 100 ms", p99Reps.format(1),
                "Kafka produce→consume: " + new Reps(floorP99).format(2),
                Report.number(p99Reps.ratioTo(new Reps(floorP99)), 1) + "×",
                Report.verdict(p99Reps.median() <= 100 && missing == 0));
        report.text("Event latency", "The bench records the instant each submit call returned (200) through the gateway, "
                + "then one poller thread queries reporting-service's read model in MongoDB (`ocop-reporting.dossiers_g<active>`, "
                + "the collection `GET /statistics` counts) for the pending dossier ids (`_id $in …, status SUBMITTED`) "
                + "at most every " + POLL_PERIOD.toMillis() + " ms (a cycle starts " + POLL_PERIOD.toMillis()
                + " ms after the previous one started, or when it ends if it took longer); the latency of a dossier "
                + "is the moment the poller saw it minus the return instant. The period and the cycle bound the "
                + "resolution: mean cycle " + new Reps(resolution).format(2) + " ms. Not seen "
                + "within 30 s after the load: " + missing + ". The floor: a plain producer with the outbox relay's "
                + "settings (acks=all, idempotent, max.in.flight 5, linger.ms 1) sending at the same rate to a topic on "
                + "the same broker, and a consumer in the bench JVM (default fetch settings, as the services' binders) — "
                + "latency from the send call to the record's arrival in poll().");
    }

    private int activeGeneration() {
        Document pointer = mongo.getDatabase("ocop-reporting").getCollection("projection_pointer")
                .find(Filters.eq("_id", "read-models")).first();
        return pointer == null ? 1 : pointer.getInteger("active", 1);
    }

    /** Raw Kafka produce → consume latency at the same rate, same broker, the outbox relay's producer settings. */
    private LatencyStats kafkaFloor(int rate, Duration warmup, Duration measure) throws Exception {
        String topic = "bench.kafka-floor";
        int partitions = kafkaAdmin.describeTopics(List.of(Topics.DOSSIER_EVENTS)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(Topics.DOSSIER_EVENTS).partitions().size();
        if (!kafkaAdmin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
            kafkaAdmin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ocop.platform.kafkaBootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ocop.platform.kafkaBootstrapServers());
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Histogram histogram = LatencyStats.newHistogram();
        AtomicLong expected = new AtomicLong(-1);
        AtomicLong seen = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps);
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps)) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            consumer.seekToEnd(assigned);
            assigned.forEach(consumer::position);
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = Thread.ofPlatform().name("bench-kafka-floor").start(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        java.nio.ByteBuffer value = java.nio.ByteBuffer.wrap(record.value());
                        long sent = value.getLong();
                        if (value.get() == 1) {
                            histogram.recordValue(Math.max(1, (now - sent) / 1000));
                        }
                        seen.incrementAndGet();
                    }
                }
            });
            long warmupCount = rate * warmup.toMillis() / 1000;
            LatencyStats sends = OpenLoad.run(rate, warmup, measure, 1000, i -> {
                java.nio.ByteBuffer value = java.nio.ByteBuffer.allocate(512);
                value.putLong(System.nanoTime()).put((byte) (i >= warmupCount ? 1 : 0));
                producer.send(new ProducerRecord<>(topic, "k" + i, value.array()));
                return CompletableFuture.completedFuture(true);
            });
            expected.set(sends.ok() + warmupCount);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen.get() < expected.get() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            stop.set(true);
            reader.join();
        }
        return LatencyStats.of(histogram, Math.max(0, expected.get() - seen.get()), measure.toMillis() / 1000.0);
    }

    // ---- 3. rating path ------------------------------------------------------------------------------------

    private void ratingPath() {
        int cases = options.integer("rating-cases");
        List<String> members = new ArrayList<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            String member = "bench.hd" + i + "." + runId;
            String password = Ocop.password();
            Http.Response account = ocop.gateway.postJson("/api/identity/accounts", ocop.adminToken, map("username",
                    member, "displayName", "Thành viên " + i, "roles", List.of("COUNCIL_MEMBER"), "password", password));
            Ocop.require(account.status() == 201 || account.status() == 200, "account " + member, account);
            members.add(member);
            tokens.put(member, Login.user(ocop.gateway.base(), member, password));
        }
        Http.Response council = ocop.gateway.postJson("/api/evaluation/councils", ocop.adminToken, map("name",
                "Hội đồng thử tải " + runId, "level", "PROVINCE", "chairId", members.get(0), "memberIds", members));
        Ocop.require(council.status() == 201, "council", council);
        LocalDate today = LocalDate.now(Ocop.VN);
        Http.Response session = ocop.gateway.postJson("/api/evaluation/sessions", ocop.adminToken, map("councilId",
                council.json().get("id").asString(), "sessionDate", today.plusDays(12).toString()));
        Ocop.require(session.status() == 201, "session", session);
        String sessionId = session.json().get("id").asString();
        // one applicant per case, with an ASCII product name that the catalogue search finds as is
        List<Ocop.Applicant> rated = ocop.applicants(cases, "rating " + runId, 1);
        Map<String, Ocop.Applicant> byDossier = new LinkedHashMap<>();
        for (Ocop.Applicant applicant : rated) {
            List<String> draft = ocop.drafts(1, roundId, List.of(applicant), documentKinds, 1);
            Http.Response submitted = ocop.gateway.postJson("/api/dossier/dossiers/" + draft.get(0) + "/submit",
                    ocop.adminToken, Map.of());
            Ocop.require(submitted.status() == 200, "submit for rating", submitted);
            byDossier.put(draft.get(0), applicant);
        }
        Map<String, String> caseOf = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (caseOf.size() < byDossier.size() && System.nanoTime() < deadline) {
            for (String dossierId : byDossier.keySet()) {
                if (!caseOf.containsKey(dossierId)) {
                    Http.Response found = ocop.gateway.get("/api/evaluation/cases?dossierId=" + dossierId, ocop.adminToken);
                    if (found.status() == 200) {
                        for (JsonNode c : found.json()) {
                            if (c.get("status").asString().equals("OPEN")) {
                                caseOf.put(dossierId, c.get("id").asString());
                            }
                        }
                    }
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        Ocop.require(caseOf.size() == byDossier.size(), "evaluation cases opened (" + caseOf.size() + "/"
                + byDossier.size() + ")", null);
        Http.Response assigned = ocop.gateway.postJson("/api/evaluation/sessions/" + sessionId + "/cases",
                ocop.adminToken, Map.of("caseIds", new ArrayList<>(caseOf.values())));
        Ocop.require(assigned.status() == 200, "assign", assigned);
        Http.Response sheet = ocop.gateway.get("/api/evaluation/rulebooks/QD1489-2025/sheets/1", tokens.get(members.get(0)));
        Ocop.require(sheet.status() == 200, "sheet", sheet);
        List<Map<String, String>> choices = choices(sheet.json().get("sheet"), 85);
        Histogram total = LatencyStats.newHistogram();
        Histogram decision = LatencyStats.newHistogram();
        Http anonymous = new Http(ocop.gateway.base(), Duration.ofSeconds(10));
        int number = 1;
        long notSeen = 0;
        List<Double> perCase = new ArrayList<>();
        for (var entry : caseOf.entrySet()) {
            String path = "/api/evaluation/sessions/" + sessionId + "/cases/" + entry.getValue() + "/sheets/";
            long lastSigned = 0;
            for (String member : members) {
                Http.Response saved = ocop.gateway.putJson(path + member, tokens.get(member), Map.of("choices", choices));
                Ocop.require(saved.status() == 200, "sheet of " + member, saved);
                Http.Response signed = ocop.gateway.postJson(path + member + "/signature", tokens.get(member), Map.of());
                Ocop.require(signed.status() == 200, "signature of " + member, signed);
                lastSigned = System.nanoTime();
            }
            Http.Response decided = ocop.gateway.postJson("/api/evaluation/sessions/" + sessionId + "/cases/"
                    + entry.getValue() + "/decision", ocop.adminToken, map("decisionNumber", (number++) + "/QĐ-BENCH",
                    "decisionDate", today.toString()));
            long decidedAt = System.nanoTime();
            Ocop.require(decided.status() == 200, "decision", decided);
            if (!decided.json().get("status").asString().equals("CERTIFIED")) {
                throw new IllegalStateException("decision was not a certification: " + decided);
            }
            decision.recordValue(Math.max(1, (decidedAt - lastSigned) / 1000));
            String name = byDossier.get(entry.getKey()).productName();
            String query = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace('đ', 'd').replace('Đ', 'D').toLowerCase();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean visible = false;
            while (!visible && System.nanoTime() < until) {
                Http.Response found = anonymous.get("/api/reporting/catalogue/products?q=" + Http.encode(query), null);
                if (found.status() == 200) {
                    for (JsonNode item : found.json().get("items")) {
                        visible |= item.get("productName").asString().equals(name);
                    }
                }
                if (!visible) {
                    LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
                }
            }
            if (visible) {
                long micros = Math.max(1, (System.nanoTime() - lastSigned) / 1000);
                total.recordValue(micros);
                perCase.add(micros / 1000.0);
            } else {
                notSeen++;
            }
        }
        LatencyStats totalStats = LatencyStats.of(total, notSeen, 0);
        LatencyStats decisionStats = LatencyStats.of(decision, 0, 0);
        log("rating path: " + totalStats + "; decision call " + decisionStats);
        report.row("rating path", "last member's signed sheet → ProductRated visible in the public catalogue, p50 / p99 "
                + "(ms), " + totalStats.ok() + " cases", "—", Report.number(totalStats.p50(), 1) + " / "
                + Report.number(totalStats.p99(), 1), "of which the decision call: " + Report.number(decisionStats.p50(), 1)
                + " / " + Report.number(decisionStats.p99(), 1), "—", Verdict.INFO);
        report.detail("rating path", map("total", totalStats, "decisionCall", decisionStats, "perCaseMs", perCase,
                "notVisibleWithin30s", notSeen));
        report.text("Rating path", "Per case: five council members (accounts created for the bench, PKCE tokens) save "
                + "and sign their sheets through the gateway; from the return of the last signature the clock runs "
                + "through the province's decision call (`POST …/decision`, which publishes ProductRated through the "
                + "outbox) until the anonymous public catalogue search (`GET /api/reporting/catalogue/products?q=`) "
                + "through the gateway lists the product (polled every ~2 ms). Cases are rated one after the other, so "
                + "the figures are unloaded latencies; percentiles are over the " + totalStats.ok() + " cases (one "
                + "series, not repetitions).");
    }

    /** Options of a sheet: the best option of every criterion, then lowered while the total exceeds {@code cap},
     * never below the best option that a 4★-or-lower mandatory mark requires (so that the 4★ band is reachable). */
    static List<Map<String, String>> choices(JsonNode sheet, int cap) {
        List<JsonNode> criteria = new ArrayList<>();
        sheet.get("parts").forEach(part -> part.get("groups").forEach(group -> group.get("criteria").forEach(criteria::add)));
        Map<String, JsonNode> picked = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode criterion : criteria) {
            JsonNode best = null;
            for (JsonNode option : criterion.get("options")) {
                if (best == null || score(option).compareTo(score(best)) > 0) {
                    best = option;
                }
            }
            picked.put(criterion.get("code").asString(), best);
            total = total.add(score(best));
        }
        for (JsonNode criterion : criteria) {
            if (total.compareTo(BigDecimal.valueOf(cap)) <= 0) {
                break;
            }
            BigDecimal floor = BigDecimal.ZERO;
            for (JsonNode option : criterion.get("options")) {
                JsonNode stars = option.get("requiredStars");
                if (stars != null && !stars.isNull() && stars.asInt() <= 4 && score(option).compareTo(floor) > 0) {
                    floor = score(option);
                }
            }
            String code = criterion.get("code").asString();
            JsonNode current = picked.get(code);
            JsonNode lower = current;
            for (JsonNode option : criterion.get("options")) {
                BigDecimal s = score(option);
                BigDecimal after = total.subtract(score(current)).add(s);
                if (s.compareTo(floor) >= 0 && s.compareTo(score(lower)) < 0
                        && after.compareTo(BigDecimal.valueOf(cap - 15)) >= 0) {
                    lower = option;
                }
            }
            total = total.subtract(score(current)).add(score(lower));
            picked.put(code, lower);
        }
        List<Map<String, String>> list = new ArrayList<>();
        picked.forEach((criterion, option) -> list.add(Map.of("criterion", criterion, "option",
                option.get("code").asString())));
        return list;
    }

    private static BigDecimal score(JsonNode option) {
        return new BigDecimal(option.get("score").asString());
    }

    // ---- 5. reminders --------------------------------------------------------------------------------------

    private void reminders() throws Exception {
        List<String> units = new ArrayList<>();
        for (String line : Files.readAllLines(options.home().resolve(
                "notification-service/src/main/resources/units/an-giang-2020.csv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                units.add(line.split(";")[0].trim());
            }
        }
        for (String unit : units) {
            Http.Response book = ocop.notification.putJson("/address-book/" + unit, ocop.adminToken, Map.of("contacts",
                    List.of(Map.of("name", "Bench " + unit, "email", "unit-" + unit + "@bench.local", "language", "vi"))));
            Ocop.require(book.status() == 200 || book.status() == 201 || book.status() == 204, "address book " + unit, book);
        }
        int wanted = options.integer("reminders");
        int deadlines = (int) Math.ceil((double) wanted / units.size());
        int expected = deadlines * units.size();
        int reps = options.integer("reps");
        List<Double> totalSeconds = new ArrayList<>();
        List<Double> passSeconds = new ArrayList<>();
        List<Double> perSecond = new ArrayList<>();
        long duplicates = 0;
        long missing = 0;
        LocalDate due = LocalDate.now(Ocop.VN).plusDays(1);
        for (int rep = 0; rep < reps; rep++) {
            String tag = "BENCH-" + runId + "-R" + (rep + 1) + "-";
            long seedBegin = System.nanoTime();
            Semaphore slots = new Semaphore(options.integer("seed-concurrency"));
            AtomicInteger failed = new AtomicInteger();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int d = 0; d < deadlines; d++) {
                slots.acquireUninterruptibly();
                all.add(ocop.notification.sendAsync(ocop.notification.postJsonRequest("/deadlines", ocop.adminToken,
                        map("title", tag + String.format("%06d", d), "dueDate", due.toString(), "units", units,
                                "offsets", List.of(2, 1))))
                        .thenAccept(r -> {
                            if (r.status() != 201) {
                                failed.incrementAndGet();
                            }
                        }).whenComplete((v, e) -> slots.release()));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " deadlines were refused");
            }
            log("reminders rep " + (rep + 1) + ": " + deadlines + " deadlines × " + units.size() + " units created in "
                    + BenchMain.since(seedBegin).toMillis() + " ms");
            settle();
            long begin = System.nanoTime();
            Http.Response run = ocop.notification.postJson("/reminders/run", ocop.adminToken, Map.of());
            // 409: a scheduled pass holds the lock, and it may have read the calendar before this repetition's
            // deadlines were made: ask again until this pass runs; the clock keeps running from the first call
            while (run.status() == 409 && BenchMain.since(begin).compareTo(Duration.ofMinutes(15)) < 0) {
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                run = ocop.notification.postJson("/reminders/run", ocop.adminToken, Map.of());
            }
            double pass = BenchMain.since(begin).toMillis() / 1000.0;
            Ocop.require(run.status() == 200, "reminder pass", run);
            long lastProgress = System.nanoTime();
            long lastCount = -1;
            while (smtp.distinct(tag) < expected
                    && System.nanoTime() - lastProgress < Duration.ofSeconds(120).toNanos()) {
                long count = smtp.messages(tag);
                if (count != lastCount) {
                    lastCount = count;
                    lastProgress = System.nanoTime();
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            if (smtp.distinct(tag) == 0) {
                throw new IllegalStateException("reminders rep " + (rep + 1) + ": no e-mail reached the SMTP sink in "
                        + BenchMain.since(begin).toSeconds() + " s (pass answered " + run.body() + ")");
            }
            // late duplicates would arrive after the last expected message: give them a moment
            double total = (smtp.lastAtNanos(tag) - begin) / 1e9;
            LockSupport.parkNanos(Duration.ofSeconds(options.smoke() ? 2 : 10).toNanos());
            long dup = smtp.duplicates(tag);
            long miss = expected - smtp.distinct(tag);
            duplicates += dup;
            missing += miss;
            totalSeconds.add(total);
            passSeconds.add(pass);
            perSecond.add(smtp.distinct(tag) / total);
            log("reminders rep " + (rep + 1) + ": pass " + pass + " s (" + run.body() + "), " + smtp.distinct(tag)
                    + " distinct e-mails in " + total + " s, duplicates " + dup + ", missing " + miss);
            report.detail("reminders rep " + (rep + 1), map("deadlines", deadlines, "units", units.size(),
                    "expected", expected, "passSeconds", pass, "passAnswer", run.body(), "emailsDistinct",
                    smtp.distinct(tag), "emailsReceived", smtp.messages(tag), "duplicates", dup, "missing", miss,
                    "totalSeconds", total));
        }
        Reps total = new Reps(totalSeconds);
        report.row("reminder fan-out", Report.number(expected, 0) + " due reminders → e-mails in the SMTP sink: total "
                + "time (s)", "—", total.format(1), "reminder pass alone: " + new Reps(passSeconds).format(1) + " s",
                new Reps(perSecond).format(0) + " e-mails/s", Verdict.INFO);
        report.row("reminder fan-out", "duplicate e-mails / missing e-mails", "0 duplicates",
                duplicates + " / " + missing, "—", "—", Report.verdict(duplicates == 0 && missing == 0));
        report.text("Reminder fan-out", "Per repetition: " + deadlines + " custom deadlines (`POST /deadlines`, due "
                + "tomorrow with offsets 2 and 1 days, so exactly one offset is due now) for each of the " + units.size()
                + " units of the unit list, each unit with one e-mail contact in the address book: " + expected
                + " reminders. Clock: from `POST /reminders/run` (direct to notification-service) until the in-process "
                + "SMTP sink (a minimal SMTP server in the bench JVM, counting per recipient and decoded subject) received "
                + "the last distinct e-mail. notification-service ran with OCOP_NOTIFICATION_EMAIL_POLL_INTERVAL="
                + options.get("email-poll-interval") + " (shipped default PT5S; each tick sends everything due, in "
                + "claimed batches of 50 over one SMTP connection, so the tick only delays the first e-mail). The "
                + "repetitions run one after the other on the same platform: each finds the reminders, inbox items "
                + "and e-mails of the earlier ones in MongoDB.");
    }

    // ---- 4. projection rebuild -----------------------------------------------------------------------------

    private void rebuild() throws Exception {
        int events = options.integer("rebuild-events");
        int liveSample = Math.min(events, options.integer("live-sample"));
        // only reporting-service should consume: evaluation-service would open a case per synthetic submission
        for (String service : List.of("evaluation-service", "notification-service")) {
            ocop.platform.stop(service, Duration.ofSeconds(20));
        }
        boolean afterReminders = options.set("scenarios").contains("reminders");
        if (afterReminders) {
            // The reminder fan-out's deadlines, reminders, inbox items and e-mails (three repetitions) are held in
            // this JVM's heap by the in-memory Mongo-wire server; left there, they made a full run's rebuild a
            // measure of this JVM's collector (~6,000/s against 13,505/s alone on the same build). Nothing reads
            // them again: notification-service stays stopped until the platform closes.
            mongo.getDatabase("ocop-notification").drop();
            System.gc();
            log("dropped ocop-notification (the reminder fan-out's data) before the rebuild");
        }
        // the baseline: the live consumer (Kafka binder, one event at a time) on a sample of the same events
        settle();
        MongoCollection<Document> live = mongo.getDatabase("ocop-reporting").getCollection("dossiers_g" + activeGeneration());
        long liveBefore = live.countDocuments();
        long liveBegin = System.nanoTime();
        produce(0, liveSample);
        long deadline = liveBegin + Duration.ofSeconds(Math.max(600, liveSample / 100)).toNanos();
        long applied;
        while ((applied = live.countDocuments() - liveBefore) < liveSample && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        double liveSeconds = BenchMain.since(liveBegin).toMillis() / 1000.0;
        double liveRate = applied / liveSeconds;
        log("live consumer applied " + applied + " of " + liveSample + " events (new read-model documents) in "
                + liveSeconds + " s");
        // the rest while reporting-service is down; its live group is then moved past them, so that the rebuild
        // alone applies them (the live consumer would need events / liveRate seconds first)
        ocop.platform.stop("reporting-service", Duration.ofSeconds(20));
        double produceSeconds = produce(liveSample, events - liveSample);
        List<TopicPartition> partitions = new ArrayList<>();
        kafkaAdmin.describeTopics(List.of(Topics.DOSSIER_EVENTS)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(Topics.DOSSIER_EVENTS).partitions()
                .forEach(p -> partitions.add(new TopicPartition(Topics.DOSSIER_EVENTS, p.partition())));
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> ends = new LinkedHashMap<>();
        kafkaAdmin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
        kafkaAdmin.alterConsumerGroupOffsets("reporting-service", ends).all().get(30, TimeUnit.SECONDS);
        ocop.platform.start("reporting-service");
        List<Double> rates = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        long replayed = 0;
        for (int rep = 0; rep < options.integer("rebuild-reps"); rep++) {
            int before = activeGeneration();
            if (rep == 0 && Boolean.parseBoolean(options.get("jfr-rebuild"))) {
                Path file = options.out().resolve("jfr").resolve("reporting-service-rebuild-" + runId + ".jfr");
                Files.createDirectories(file.getParent());
                log("JFR on reporting-service: " + Machine.startJfr(ocop.platform.pid("reporting-service"), "rebuild",
                        file, options.get("jfr-duration")));
                report.note("JFR recording of reporting-service during the first rebuild: "
                        + options.home().relativize(file));
            }
            Http.Response started = ocop.reporting.postJson("/admin/projections/rebuild", ocop.adminToken, Map.of());
            Ocop.require(started.status() == 202, "rebuild", started);
            JsonNode last = null;
            long until = System.nanoTime() + Duration.ofHours(3).toNanos();
            while (System.nanoTime() < until) {
                Http.Response status = ocop.reporting.get("/admin/projections", ocop.adminToken);
                if (status.status() == 200) {
                    last = status.json().get("lastRebuild");
                    if (last != null && !last.isNull() && !last.get("state").asString().equals("RUNNING")) {
                        break;
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            Ocop.require(last != null && last.get("state").asString().equals("SWITCHED"), "rebuild ended: " + last, null);
            replayed = last.get("recordsReplayed").asLong();
            double took = Duration.between(Instant.parse(last.get("startedAt").asString()),
                    Instant.parse(last.get("finishedAt").asString())).toMillis() / 1000.0;
            rates.add(replayed / took);
            seconds.add(took);
            log("rebuild rep " + (rep + 1) + ": " + replayed + " records in " + took + " s");
            ocop.reporting.delete("/admin/projections/generations/" + before, ocop.adminToken);
        }
        Reps rate = new Reps(rates);
        report.row("projection rebuild", "events/s replayed by reporting-service (" + Report.number(replayed, 0)
                + " records on its topics)", "≥ 20,000/s", rate.format(0), "live consumer: "
                + Report.number(liveRate, 0) + "/s (" + Report.number(liveSample, 0) + " events, n=1)",
                Report.number(rate.median() / liveRate, 1) + "×", Report.verdict(rate.median() >= 20_000));
        report.detail("rebuild", map("producedEvents", events, "liveSample", liveSample, "liveSeconds", liveSeconds,
                "produceSecondsOfTheRest", produceSeconds, "rebuildSeconds", seconds, "recordsReplayed", replayed));
        report.text("Projection rebuild", Report.number(events, 0) + " DossierSubmitted events (the contracts' record, "
                + "serialized by EventJson, as records built by the chassis `KafkaOutboxPublisher.toRecord`, each with a "
                + "traceparent as the outbox gives it, distinct "
                + "dossier ids, sequence 1) on `" + Topics.DOSSIER_EVENTS + "`, with evaluation- and notification-service "
                + "stopped so that only reporting-service consumes them. The first " + Report.number(liveSample, 0)
                + " went through the live consumer (the baseline: " + Report.number(liveRate, 1) + " events/s until its "
                + "lag was 0); the rest were produced (" + Report.number(produceSeconds, 1) + " s) while reporting-service "
                + "was stopped, and its live group's offsets were then moved to the end, so that the rebuild alone "
                + "applies them. `POST /admin/projections/rebuild` replays both topics from offset 0 into a new "
                + "generation; events/s = recordsReplayed / (finishedAt − startedAt) from `GET /admin/projections`. "
                + "The previous generation is dropped after each repetition."
                + (afterReminders
                        ? " Before the rebuild the reminder fan-out's database (ocop-notification) was dropped, so "
                        + "that its data no longer filled this JVM's heap (the in-memory Mongo-wire server)."
                        : ""));
    }

    /** Produces DossierSubmitted events {@code from}..{@code from+count-1}; returns the seconds it took. */
    private double produce(int from, int count) {
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ocop.platform.kafkaBootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        producerProps.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        long begin = System.nanoTime();
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps)) {
            for (int i = from; i < from + count; i++) {
                Ocop.Applicant applicant = applicants.get(i % applicants.size());
                String dossierId = "bench-rb-" + runId + "-" + i;
                DossierSubmitted body = new DossierSubmitted(dossierId, roundId, applicant.locality(),
                        new EntitySummary(applicant.entityId(), "HTX thử tải " + i, EntityType.COOPERATIVE, null,
                                i % 2 == 0, false),
                        new ProductSummary(applicant.productId(), applicant.productName(), 1, "THUC_PHAM"), 4, now,
                        "bench");
                OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), Topics.DOSSIER_EVENTS,
                        EventType.DOSSIER_SUBMITTED.source(), EventType.DOSSIER_SUBMITTED.ceType(), dossierId, 1, now,
                        new String(EventJson.write(body), StandardCharsets.UTF_8), TraceContext.newTraceparent());
                producer.send(KafkaOutboxPublisher.toRecord(event));
            }
            producer.flush();
        }
        double seconds = BenchMain.since(begin).toMillis() / 1000.0;
        log("produced " + count + " events in " + seconds + " s");
        return seconds;
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }

    @Override
    public void close() {
        if (kafkaAdmin != null) {
            kafkaAdmin.close(Duration.ofSeconds(5));
        }
        if (mongo != null) {
            mongo.close();
        }
        if (ocop != null) {
            ocop.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }
}
