package vn.ocop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void readsUserAndKernelTimeAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (svc) x) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 567 0 0 20 0 40 0 3320277 "
                + "3133440 394 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        CpuTimes.Used used = CpuTimes.parseStat(stat, 100);

        assertThat(used.userMs()).isEqualTo(12_340);
        assertThat(used.systemMs()).isEqualTo(5_670);
    }

    @Test
    void aDifferenceChargesEachProcessWhatItUsedAndLeavesOutProcessesThatCameOrWent() {
        CpuTimes before = new CpuTimes(Map.of("dossier-service", new CpuTimes.Used(1_000, 200),
                "evaluation-service", new CpuTimes.Used(500, 100)));
        CpuTimes after = new CpuTimes(Map.of("dossier-service", new CpuTimes.Used(1_800, 450),
                "gateway", new CpuTimes.Used(300, 30)));

        CpuTimes used = after.since(before);

        assertThat(used.byProcess()).containsOnlyKeys("dossier-service");
        assertThat(used.total().totalMs()).isCloseTo(1_050, within(1e-9));
        assertThat(used.total().systemMs()).isCloseTo(250, within(1e-9));
    }

    @Test
    void eachProcessIsChargedItsShareOfTheWorkDone() {
        CpuTimes used = new CpuTimes(Map.of("dossier-service", new CpuTimes.Used(800, 200),
                "gateway", new CpuTimes.Used(300, 100)));

        CpuTimes perSubmission = used.per(100);

        assertThat(perSubmission.byProcess().get("dossier-service")).isEqualTo(new CpuTimes.Used(8, 2));
        assertThat(perSubmission.total()).isEqualTo(new CpuTimes.Used(11, 3));
    }

    @Test
    void thisProcessHasUsedSomeCpu() {
        CpuTimes self = CpuTimes.of(Map.of("me", ProcessHandle.current().pid(), "gone", Long.MAX_VALUE));

        assertThat(self.byProcess()).containsOnlyKeys("me");
        assertThat(self.byProcess().get("me").userMs()).isPositive();
    }
}
