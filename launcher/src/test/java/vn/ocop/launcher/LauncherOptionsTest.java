package vn.ocop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The launcher's command line: the service JVM options an operator adds (for example C2 for throughput). */
class LauncherOptionsTest {

    @Test
    void servicesRunWithTheShippedOptionsUnlessMoreAreGiven() {
        assertThat(LauncherOptions.parse(new String[] {"--no-console"}, null).serviceJvmOptions()).isEmpty();
        assertThat(LauncherOptions.parse(new String[] {"--no-console"}, "  ").serviceJvmOptions()).isEmpty();
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        assertThat(LauncherOptions.parse(new String[] {}, "-XX:TieredStopAtLevel=4  -XX:ReservedCodeCacheSize=64m")
                .serviceJvmOptions()).containsExactly("-XX:TieredStopAtLevel=4", "-XX:ReservedCodeCacheSize=64m");
        assertThat(LauncherOptions.parse(new String[] {"--service-jvm=-Xmx512m"}, "-XX:TieredStopAtLevel=4")
                .serviceJvmOptions()).containsExactly("-Xmx512m");
        assertThat(LauncherOptions.parse(new String[] {"--service-jvm="}, "-XX:TieredStopAtLevel=4")
                .serviceJvmOptions()).isEmpty();
    }

    @Test
    void aWordThatIsNotAnOptionIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--service-jvm=-Xmx512m Main"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Main");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {}, "evil"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                        LauncherOptions.SERVICE_JVM_VARIABLE);
    }
}
