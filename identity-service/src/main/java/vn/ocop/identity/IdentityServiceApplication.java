package vn.ocop.identity;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityServiceApplication.class, args);
    }

    /** The time source of the account rules (lockouts, audit times); tests replace it to expire a lockout. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
