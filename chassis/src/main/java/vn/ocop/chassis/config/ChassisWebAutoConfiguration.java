package vn.ocop.chassis.config;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import vn.ocop.chassis.idempotency.IdempotencyKeyFilter;
import vn.ocop.chassis.idempotency.IdempotencyStore;
import vn.ocop.chassis.tracing.TraceparentFilter;
import vn.ocop.chassis.web.ProblemDetailsAdvice;
import vn.ocop.chassis.web.ProblemFactory;

@AutoConfiguration(before = WebMvcAutoConfiguration.class,
        after = org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ChassisWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemFactory problemFactory() {
        return new ProblemFactory();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ProblemFactory problems) {
        return new ProblemDetailsAdvice(problems);
    }

    @Bean(name = "localeResolver")
    @ConditionalOnMissingBean(name = "localeResolver")
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(ProblemFactory.VIETNAMESE, java.util.Locale.ENGLISH));
        resolver.setDefaultLocale(ProblemFactory.VIETNAMESE);
        return resolver;
    }

    /** After Spring Security (order -100), so that keys are scoped by the authenticated caller. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(org.springframework.data.mongodb.core.MongoOperations.class)
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(
            org.springframework.data.mongodb.core.MongoOperations mongo, ProblemFactory problems,
            org.springframework.core.env.Environment environment) {
        java.time.Duration retention = environment.getProperty("ocop.idempotency.retention", java.time.Duration.class,
                java.time.Duration.ofHours(24));
        IdempotencyKeyFilter filter = new IdempotencyKeyFilter(new IdempotencyStore(mongo), problems,
                // real time, never the platform clock: the stored keys expire by MongoDB's TTL monitor
                java.time.Clock.systemUTC(), retention,
                environment.getProperty("ocop.idempotency.in-progress-timeout", java.time.Duration.class,
                        java.time.Duration.ofSeconds(60)));
        FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TraceparentFilter> traceparentFilter() {
        FilterRegistrationBean<TraceparentFilter> registration = new FilterRegistrationBean<>(new TraceparentFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
