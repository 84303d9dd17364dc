package vn.ocop.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.reporting.statistics.StatisticsReadModel;
import vn.ocop.reporting.statistics.StatisticsService;
import vn.ocop.reporting.statistics.domain.Figures;
import vn.ocop.reporting.statistics.domain.GroupBy;
import vn.ocop.reporting.statistics.domain.ReadModelSnapshot;
import vn.ocop.reporting.statistics.domain.Statistics;
import vn.ocop.reporting.statistics.domain.StatisticsCalculator;
import vn.ocop.reporting.statistics.domain.StatisticsFilter;
import vn.ocop.reporting.support.Recompute;
import vn.ocop.reporting.support.ReportingIntegrationTest;
import vn.ocop.reporting.support.Scenario;
import vn.ocop.reporting.support.Snapshots;

class ProjectionRecomputationTest extends ReportingIntegrationTest {

    @Autowired
    StatisticsReadModel readModel;

    @Autowired
    StatisticsService statistics;

    @Test
    void projectionsEqualARecomputationFromTheSameEventsAfterDuplicatesAndInterleaving() {
        LocalDate today = statistics.today();
        Scenario scenario = Scenario.programme(today);
        ReadModelSnapshot expected = Recompute.fold(scenario.inOrder());

        send(scenario.deliveryWithDuplicatesAndInterleaving(42));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Snapshots.assertSame(Snapshots.of(readModel.active(), scenario), expected));
        StatisticsFilter round = StatisticsFilter.all().withRound(scenario.roundId);
        for (GroupBy groupBy : GroupBy.values()) {
            assertThat(statistics.provinceWide(round, groupBy))
                    .isEqualTo(StatisticsCalculator.compute(expected, round, groupBy, today));
        }

        Statistics computed = statistics.provinceWide(round, GroupBy.LOCALITY);
        Figures totals = computed.totals();
        assertThat(totals.submitted()).isEqualTo(24);
        assertThat(totals.returned()).isEqualTo(1);
        assertThat(totals.withdrawn()).isEqualTo(4);
        assertThat(totals.inEvaluation()).isEqualTo(2);
        assertThat(totals.ratedByStars()).isEqualTo(Map.of(3, 8L, 4, 3L, 5, 2L));
        assertThat(totals.rated()).isEqualTo(13);
        assertThat(totals.notQualified()).isEqualTo(4);
        assertThat(totals.certificatesValid()).isEqualTo(8);
        assertThat(totals.certificatesExpiringWithin90Days()).isEqualTo(1);
        assertThat(totals.certificatesExpired()).isEqualTo(1);
        assertThat(totals.certificatesRevoked()).isEqualTo(4);
        assertThat(totals.decisionTime().decided()).isEqualTo(17);
        assertThat(totals.decisionTime().medianDays()).isEqualTo(22.0);
        assertThat(totals.decisionTime().p90Days()).isEqualTo(32.0);
        assertThat(computed.progress().get(0).localityCode()).isEqualTo("891");
        assertThat(computed.progress().get(0).submitted()).isEqualTo(4);
        assertThat(computed.progress().get(0).behindBy()).isEqualTo(4);
        assertThat(computed.progress()).filteredOn(row -> !row.localityCode().equals("891"))
                .allSatisfy(row -> assertThat(row.behindBy()).isZero());
    }
}
