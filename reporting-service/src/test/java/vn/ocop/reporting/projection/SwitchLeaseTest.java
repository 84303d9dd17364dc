package vn.ocop.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.reporting.statistics.StatisticsReadModel;
import vn.ocop.reporting.support.ReportingIntegrationTest;
import vn.ocop.reporting.support.Scenario;
import vn.ocop.reporting.support.Snapshots;

/** While a rebuild holds the switch lease, live consumers (of any replica) apply nothing; then they go on. */
class SwitchLeaseTest extends ReportingIntegrationTest {

    @Autowired
    Generations generations;

    @Autowired
    StatisticsReadModel readModel;

    @Test
    void liveWritesWaitForTheSwitchAndResumeAfterIt() {
        Scenario scenario = new Scenario(LocalDate.now());
        generations.beginSwitch(Duration.ofSeconds(20));
        try {
            send(scenario.lateDossier(0));
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() ->
                    Snapshots.of(readModel.active(), scenario).dossiers().isEmpty());
        } finally {
            generations.abortSwitch();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Snapshots.of(readModel.active(), scenario).dossiers()).hasSize(1));
    }
}
