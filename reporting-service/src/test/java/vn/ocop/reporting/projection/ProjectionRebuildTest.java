package vn.ocop.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.ocop.chassis.outbox.OutboxEvent;
import vn.ocop.infra.testing.TestTokens;
import vn.ocop.reporting.statistics.StatisticsReadModel;
import vn.ocop.reporting.statistics.StatisticsService;
import vn.ocop.reporting.statistics.domain.GroupBy;
import vn.ocop.reporting.statistics.domain.ReadModelSnapshot;
import vn.ocop.reporting.statistics.domain.Statistics;
import vn.ocop.reporting.statistics.domain.StatisticsFilter;
import vn.ocop.reporting.support.Recompute;
import vn.ocop.reporting.support.ReportingIntegrationTest;
import vn.ocop.reporting.support.Scenario;
import vn.ocop.reporting.support.Snapshots;

class ProjectionRebuildTest extends ReportingIntegrationTest {

    @Autowired
    StatisticsReadModel readModel;

    @Autowired
    StatisticsService statistics;

    @Autowired
    ProjectionRebuild rebuild;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProjectionRebuildTest.class);

    @Test
    void aRebuildReplaysIntoAFreshGenerationGivesIdenticalResultsAndSwitchesWithoutLosingLiveEvents() {
        LocalDate today = statistics.today();
        Scenario scenario = Scenario.programme(today);
        send(scenario.deliveryWithDuplicatesAndInterleaving(3));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Snapshots.assertSame(Snapshots.of(readModel.active(), scenario), Recompute.fold(scenario.inOrder())));
        StatisticsFilter round = StatisticsFilter.all().withRound(scenario.roundId);
        Statistics before = statistics.provinceWide(round, GroupBy.LOCALITY);
        int oldGeneration = json(get("/admin/projections", TestTokens.provinceOfficer())).at("/activeGeneration").asInt();

        assertThat(post("/admin/projections/rebuild", TestTokens.localityOfficer("883"), "").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> started = post("/admin/projections/rebuild", TestTokens.provinceOfficer(), "");
        assertThat(started.statusCode()).isEqualTo(202);
        int newGeneration = json(started).at("/generation").asInt();
        assertThat(newGeneration).isGreaterThan(oldGeneration);
        List<OutboxEvent> late = scenario.lateDossier(24);
        send(late);
        assertThat(get("/statistics?round=" + scenario.roundId, TestTokens.provinceOfficer()).statusCode())
                .as("queries keep being answered during the rebuild").isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = json(get("/admin/projections", TestTokens.provinceOfficer()));
            return status.at("/activeGeneration").asInt() == newGeneration
                    && "SWITCHED".equals(status.at("/lastRebuild/state").asString());
        });
        ReadModelSnapshot expected = Recompute.fold(scenario.inOrder());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Snapshots.assertSame(Snapshots.of(readModel.generation(newGeneration), scenario), expected));

        ReadModelSnapshot rebuilt = withoutLateDossier(Snapshots.of(readModel.generation(newGeneration), scenario));
        ReadModelSnapshot old = withoutLateDossier(Snapshots.of(readModel.generation(oldGeneration), scenario));
        Snapshots.assertSame(rebuilt, old);
        Snapshots.assertSame(rebuilt, Recompute.fold(scenario.inOrder().subList(0, scenario.inOrder().size() - late.size())));
        assertThat(delete("/admin/projections/generations/" + newGeneration).statusCode()).isEqualTo(409);
        assertThat(delete("/admin/projections/generations/" + oldGeneration).statusCode()).isEqualTo(204);
        assertThat(readModel.generation(oldGeneration).dossiers()).isEmpty();
        Statistics after = statistics.provinceWide(round, GroupBy.LOCALITY);
        assertThat(after.totals().submitted()).isEqualTo(before.totals().submitted() + 1);
        assertThat(after.totals().rated()).isEqualTo(before.totals().rated() + 1);
    }

    /**
     * Thousands of events (several polls of the rebuild consumer, so the batched writes span poll boundaries),
     * interleaved across aggregates, a third of them delivered again after newer events of their aggregate:
     * the rebuilt generation equals the live one and the in-order fold.
     */
    @Test
    void aRebuildOverSeveralPollsOfDuplicatesAndRedeliveriesEqualsTheLiveProjection() {
        Scenario scenario = Scenario.programme(statistics.today());
        for (int i = 25; i < 1_700; i++) {
            scenario.lateDossier(i);
        }
        List<OutboxEvent> delivery = scenario.deliveryWithDuplicatesAndInterleaving(11);
        assertThat(delivery.size()).isGreaterThan(5_000);
        send(delivery);
        ReadModelSnapshot expected = Recompute.fold(scenario.inOrder());
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                Snapshots.assertSame(Snapshots.of(readModel.active(), scenario), expected));
        int oldGeneration = json(get("/admin/projections", TestTokens.provinceOfficer())).at("/activeGeneration").asInt();

        HttpResponse<byte[]> started = post("/admin/projections/rebuild", TestTokens.provinceOfficer(), "");
        assertThat(started.statusCode()).isEqualTo(202);
        int newGeneration = json(started).at("/generation").asInt();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() ->
                rebuild.status().state() != ProjectionRebuild.State.RUNNING);
        ProjectionRebuild.Status status = rebuild.status();
        assertThat(status.state()).as(String.valueOf(status.failure())).isEqualTo(ProjectionRebuild.State.SWITCHED);
        long millis = Math.max(1, Duration.between(status.startedAt(), status.finishedAt()).toMillis());
        log.info("rebuild timing: {} records replayed in {} ms = {} records/s", status.recordsReplayed(), millis,
                status.recordsReplayed() * 1000 / millis);
        assertThat(status.recordsReplayed()).isGreaterThanOrEqualTo(delivery.size());

        ReadModelSnapshot rebuilt = Snapshots.of(readModel.generation(newGeneration), scenario);
        Snapshots.assertSame(rebuilt, expected);
        Snapshots.assertSame(rebuilt, Snapshots.of(readModel.generation(oldGeneration), scenario));
        assertThat(delete("/admin/projections/generations/" + oldGeneration).statusCode()).isEqualTo(204);
    }

    private HttpResponse<byte[]> delete(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path)).DELETE()
                    .header("Authorization", "Bearer " + TestTokens.provinceOfficer()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReadModelSnapshot withoutLateDossier(ReadModelSnapshot snapshot) {
        return new ReadModelSnapshot(
                snapshot.dossiers().stream().filter(dossier -> !dossier.dossierId().endsWith("-24")).toList(),
                snapshot.decisions().stream().filter(decision -> !decision.dossierId().endsWith("-24")).toList(),
                snapshot.certificates().stream().filter(certificate -> !certificate.certificateNumber().endsWith("-24"))
                        .toList(),
                snapshot.rounds());
    }
}
