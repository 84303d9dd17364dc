package vn.ocop.notification.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReminderSettingsTest {

    private static ReminderSettings with(Duration lockAtMostFor, Integer passConcurrency) {
        return new ReminderSettings(null, null, null, null, null, lockAtMostFor, passConcurrency);
    }

    @Test
    void unsetMeansATwoMinuteLockAndFourRemindersAtATime() {
        ReminderSettings settings = with(null, null);

        assertThat(settings.lockAtMostFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.passConcurrency()).isEqualTo(4);
    }

    @Test
    void aLockShorterThanTheKeepAliveAcceptsIsRefusedAtStartWithTheSettingsName() {
        assertThatThrownBy(() -> with(Duration.ofSeconds(10), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ocop.notification.reminders.lock-at-most-for must be at least PT30S");
        assertThat(with(Duration.ofSeconds(30), null).lockAtMostFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPassDeliversAtLeastOneReminderAtATime() {
        assertThatThrownBy(() -> with(null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ocop.notification.reminders.pass-concurrency must be at least 1");
        assertThat(with(null, 1).passConcurrency()).isEqualTo(1);
    }
}
