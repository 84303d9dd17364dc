package vn.ocop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import vn.ocop.launcher.LauncherProcess;
import vn.ocop.systemtests.support.Http;
import vn.ocop.systemtests.support.Summary;
import vn.ocop.systemtests.support.SystemPlatform;

/**
 * The README's start command as a newcomer runs it: {@code ./ocop start} is the launcher jar in its own JVM with
 * {@code launcher/jvm.options}. Three services on the launcher's standard ports (so it runs first, before the
 * shared platform of the other scenarios exists), the broker on a free port, started beside the services.
 */
@Order(-2)
class S0StartCommandTest {

    private static final String S = "start command";
    private static final Path HOME = Path.of(System.getProperty("ocop.home", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("ocop.system.work", "target/platform"))
            .toAbsolutePath().resolveSibling("launcher-process");

    @Test
    void theLauncherJvmStartsServicesThatReachKafkaAndMongoAndStopsThemAll() throws IOException {
        List<Integer> standardPorts = List.of(9000, 8081, 8080);
        if (!standardPorts.stream().allMatch(S0StartCommandTest::free)) {
            Summary.skip(S, "./ocop start on the standard ports", "a port of 9000, 8081, 8080 is in use here");
            Assumptions.abort("the launcher's standard ports 9000, 8081, 8080 are in use (a platform running?)");
        }
        Path data = WORK.resolve("data");
        SystemPlatform.deleteTree(WORK);
        List<String> arguments = List.of("--data=" + data, "--services=identity-service,dossier-service,gateway",
                "--kafka-port=" + freePort(), "--mongo-port=" + freePort(), "--jvm-cache=off");
        List<LauncherProcess.Service> services;
        try (LauncherProcess launcher = LauncherProcess.start(HOME, arguments, WORK.resolve("launcher.out"),
                Duration.ofMinutes(4))) {
            services = launcher.services();
            Summary.check(S, "launcher JVM (launcher/jvm.options) reports the services ready",
                    launcher.readyIn().toMillis() / 1000 + " s", () -> assertThat(services)
                            .extracting(LauncherProcess.Service::name)
                            .containsExactly("identity-service", "dossier-service", "gateway"));
            Http dossier = new Http("http://localhost:8081");
            Summary.check(S, "dossier-service healthy: its Kafka binder and MongoDB reached", "", () -> {
                Http.Response health = dossier.get("/actuator/health", null);
                assertThat(health.status()).as(health.body()).isEqualTo(200);
                assertThat(health.json().path("status").asText()).isEqualTo("UP");
            });
            Http gateway = new Http("http://localhost:8080");
            Summary.check(S, "gateway routes to dossier-service and asks for a token", "", () -> {
                Http.Response anonymous = gateway.get("/api/dossiers", null);
                assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
            });
        }
        String output = Files.readString(WORK.resolve("launcher.out"), StandardCharsets.UTF_8);
        Summary.check(S, "stopping the launcher stops every service", services.size() + " services", () -> {
            assertThat(output).contains("Stopped. Data kept in " + data);
            assertThat(services).allSatisfy(service -> assertThat(ProcessHandle.of(service.pid())
                    .map(ProcessHandle::isAlive).orElse(false)).as(service.name()).isFalse());
        });
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
