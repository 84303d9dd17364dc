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

import vn.ocop.chassis.tracing.TraceparentFilter;
import vn.ocop.chassis.web.ProblemDetailsAdvice;
import vn.ocop.chassis.web.ProblemFactory;

@AutoConfiguration(before = WebMvcAutoConfiguration.class)
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

    @Bean
    FilterRegistrationBean<TraceparentFilter> traceparentFilter() {
        FilterRegistrationBean<TraceparentFilter> registration = new FilterRegistrationBean<>(new TraceparentFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
