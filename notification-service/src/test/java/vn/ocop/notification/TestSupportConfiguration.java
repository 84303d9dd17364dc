package vn.ocop.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Picked up by component scanning in every test context, so that all test classes share ONE context (one Kafka
 * consumer group member): a clock the tests move, and a real SMTP server (GreenMail) that can be taken down.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ocop.test.second-replica", havingValue = "false", matchIfMissing = true)
public class TestSupportConfiguration {

    /** Time that flows like the real one from wherever a test last set it. */
    public static final class MovableClock extends Clock {
        private volatile Instant base = Instant.now();
        private volatile long setAt = System.nanoTime();

        public synchronized void set(Instant instant) {
            base = instant;
            setAt = System.nanoTime();
        }

        @Override
        public Instant instant() {
            return base.plusNanos(System.nanoTime() - setAt);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A GreenMail SMTP server on a fixed port, which tests may stop and start again. */
    public static final class TestSmtp {
        private final int port;
        private volatile GreenMail server;

        TestSmtp() {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            start();
        }

        public synchronized void start() {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }

        public synchronized void stop() {
            server.stop();
        }

        public GreenMail server() {
            return server;
        }

        public int port() {
            return port;
        }
    }

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    @Bean(destroyMethod = "stop")
    TestSmtp testSmtp() {
        return new TestSmtp();
    }

    @Bean
    DynamicPropertyRegistrar smtpPort(TestSmtp smtp) {
        return registry -> registry.add("spring.mail.port", smtp::port);
    }
}
