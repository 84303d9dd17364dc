package vn.ocop.dossier.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Picked up by component scanning in every test context (so they all stay one cached context): the service's
 * clock runs from {@link #TEST_NOW}, a date at which the 2020 An Giang districts are valid.
 */
@Configuration(proxyBeanMethods = false)
public class TestClockConfiguration {

    public static final Instant TEST_NOW = Instant.parse("2025-05-10T02:00:00Z");

    @Bean
    @Primary
    Clock testClock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TEST_NOW));
    }
}
