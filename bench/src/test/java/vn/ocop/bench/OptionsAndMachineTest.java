package vn.ocop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsAndMachineTest {

    @Test
    void defaultsAreTheIssuesRealValues() {
        Options options = new Options();
        assertThat(options.integer("reps")).isGreaterThanOrEqualTo(3);
        assertThat(options.integer("reminders")).isEqualTo(100_000);
        assertThat(options.integer("rebuild-events")).isEqualTo(1_000_000);
        assertThat(options.integer("event-rate")).isEqualTo(200);
        assertThat(options.integer("p99-target-ms")).isEqualTo(50);
        assertThat(options.smoke()).isFalse();
    }

    @Test
    void smokeShrinksTheScalesAndExplicitOptionsWin() {
        Options options = new Options("--smoke", "--reminders=160", "--scenarios=footprint,intake");
        assertThat(options.smoke()).isTrue();
        assertThat(options.integer("rebuild-events")).isEqualTo(20_000);
        assertThat(options.integer("reminders")).isEqualTo(160);
        assertThat(options.set("scenarios")).containsExactlyInAnyOrder("footprint", "intake");
        assertThat(options.integers("rates")).containsExactly(50, 100);
    }

    @Test
    void unknownOptionsAreRefused() {
        assertThatThrownBy(() -> new Options("--rate=5")).hasMessageContaining("unknown option --rate");
    }

    @Test
    void heapIsTheSumOfTheHeapPoolsOnThePrometheusPage() {
        String page = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 2.097152E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                jvm_memory_used_bytes{area="heap",id="Eden Space"} 1048576.0
                """;
        assertThat(Machine.heapFromPrometheus(page)).isEqualTo(21.0);
        assertThat(Machine.heapFromPrometheus("nothing")).isNaN();
        assertThat(Machine.rssMiB(ProcessHandle.current().pid())).isPositive();
    }
}
