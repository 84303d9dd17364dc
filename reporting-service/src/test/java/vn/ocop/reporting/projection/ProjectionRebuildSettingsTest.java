package vn.ocop.reporting.projection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProjectionRebuildSettingsTest {

    @Test
    void aPollSizeBelowOneStopsTheServiceAtStartNotTheFirstRebuild() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(ProjectionRebuild.POLL_RECORDS_PROPERTY, "0");
        assertThatThrownBy(() -> new ProjectionRebuild(null, null, null, null, environment, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ProjectionRebuild.POLL_RECORDS_PROPERTY);
    }
}
