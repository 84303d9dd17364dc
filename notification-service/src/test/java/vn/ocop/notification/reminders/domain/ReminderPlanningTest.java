package vn.ocop.notification.reminders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.ocop.notification.units.UnitDirectory;

class ReminderPlanningTest {

    private static final LocalDate DEADLINE = LocalDate.of(2020, 7, 10);
    private static final List<Integer> OFFSETS = List.of(14, 7, 1, -1);
    private final ReminderSchedule schedule =
            new ReminderSchedule(LocalTime.of(8, 0), ReminderSchedule.VIETNAM, Duration.ofDays(3));

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ReminderSchedule.VIETNAM).toInstant();
    }

    @ParameterizedTest(name = "at {0} the due offset is {1}")
    @CsvSource(nullValues = "none", value = {
            "2020-06-01T08:00, none",
            "2020-06-26T07:59, none",
            "2020-06-26T08:00, 14",
            "2020-06-27T12:00, 14",
            "2020-06-29T07:59, 14",
            "2020-06-29T08:01, none",
            "2020-07-03T07:59, none",
            "2020-07-03T08:00, 7",
            "2020-07-09T08:00, 1",
            "2020-07-10T23:59, 1",
            "2020-07-11T08:00, -1",
            "2020-07-14T08:00, -1",
            "2020-07-14T08:01, none",
            "2020-09-01T08:00, none"})
    void firesEachOffsetAtTheLocalTimeAndCatchesUpOnlyBriefly(String now, Integer expected) {
        assertThat(schedule.dueOffset(DEADLINE, OFFSETS, local(now))).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void fireTimeIsLocalTimeInVietnam() {
        assertThat(schedule.fireInstant(DEADLINE, 14)).isEqualTo(Instant.parse("2020-06-26T01:00:00Z"));
    }

    @Test
    void onlyLocalitiesBelowTheirTargetOweDossiers() {
        Map<String, Integer> targets = new LinkedHashMap<>();
        List.of("883", "884", "891", "893").forEach(code -> targets.put(code, 3));
        assertThat(Obligations.round(targets, Map.of("883", 3L, "884", 4L, "891", 1L)))
                .containsExactly(new Shortfall("891", 1, 3), new Shortfall("893", 0, 3));
    }

    @Test
    void unitsThatDeliveredOweNothing() {
        assertThat(Obligations.missing(List.of("883", "SO-NNPTNT", "891"), Set.of("883")))
                .extracting(Shortfall::unitCode).containsExactly("SO-NNPTNT", "891");
    }

    @Test
    void reminderKeyIsOnePerDeadlineRecipientAndOffset() {
        assertThat(Obligations.reminderKey("round:R1", "891", 7)).isEqualTo("reminder:round:R1:891:7");
        assertThat(Obligations.reminderKey("round:R1", "891", -1)).isNotEqualTo(Obligations.reminderKey("round:R1", "891", 1));
    }

    @Test
    void textsSayExactlyWhatIsMissingInBothLanguages() {
        UnitDirectory units = UnitDirectory.fromClasspath("/units/an-giang-2020.csv");
        var texts = new ReminderTexts(units::name);
        var text = texts.render(DeadlineKind.ROUND_SUBMISSION, "Đợt 2/2020", null, DEADLINE, 7,
                new Shortfall("891", 1, 3), DEADLINE.minusDays(7));
        assertThat(text.bodyVi()).isEqualTo("Tri Tôn: đã nộp 1/3 sản phẩm; hạn nộp 10/07/2020");
        assertThat(text.bodyEn()).isEqualTo("Tri Tôn: 1 of 3 products submitted; deadline 10/07/2020");
        var report = texts.render(DeadlineKind.PERIODIC_REPORT, "Quý 2/2020", null, DEADLINE, 1,
                new Shortfall("SO-NNPTNT", 0, 1), DEADLINE.minusDays(1));
        assertThat(report.bodyVi()).isEqualTo(
                "Sở Nông nghiệp và Phát triển nông thôn: chưa nộp báo cáo Quý 2/2020; hạn nộp 10/07/2020");
        var certificate = texts.render(DeadlineKind.CERTIFICATE_EXPIRY, "Trà xạ đen", "GCN-01|Trà xạ đen|HTX A|883",
                LocalDate.of(2023, 6, 30), 30, new Shortfall("883", 0, 0), LocalDate.of(2023, 5, 31));
        assertThat(certificate.bodyVi()).contains("GCN-01", "Trà xạ đen", "Long Xuyên", "30/06/2023", "còn 30 ngày");
    }
}
