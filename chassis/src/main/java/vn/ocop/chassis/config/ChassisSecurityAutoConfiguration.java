package vn.ocop.chassis.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.ocop.chassis.security.AgencyTokenConverter;
import vn.ocop.chassis.security.PreAuthorizeBeforeBinding;
import vn.ocop.chassis.security.ProblemSecurityHandlers;
import vn.ocop.chassis.security.SecurityProperties;
import vn.ocop.chassis.security.VerifiedTokenCache;
import vn.ocop.chassis.web.ProblemFactory;

/**
 * Every service validates access tokens itself (the gateway does too, but a service never trusts that it was
 * called through the gateway). Stateless, bearer tokens only, so no CSRF tokens; everything but health,
 * metrics, API docs and the service's declared public paths needs a valid token.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class}, after = ChassisWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class ChassisSecurityAutoConfiguration {

    private static final String[] ALWAYS_PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    /**
     * Spring Security observes every filter of the chain, every authentication and every authorization (a timer
     * and a trace span each, ~15 per request) unless told not to: in a profile of dossier-service at 100
     * submissions/s that was ~7 % of its CPU. Requests are still measured once, as http.server.requests, and
     * traced by the chassis' traceparent filter. Static: Spring Security reads it while building its
     * post-processors.
     */
    @Bean
    @ConditionalOnMissingBean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) throws Exception {
        SecurityProperties.Jwt jwt = properties.jwt();
        if (jwt == null || jwt.issuer() == null) {
            throw new IllegalStateException("ocop.security.jwt.issuer must be set");
        }
        NimbusJwtDecoder decoder;
        if (jwt.publicKeyLocation() != null && !jwt.publicKeyLocation().isBlank()) {
            var resource = new DefaultResourceLoader().getResource(jwt.publicKeyLocation());
            decoder = NimbusJwtDecoder.withPublicKey(PemKeys.readRsaPublicKey(resource)).build();
        } else if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        } else {
            throw new IllegalStateException("ocop.security.jwt.jwk-set-uri or public-key-location must be set");
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(jwt.issuer()));
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, VerifiedTokenCache.DEFAULT_SIZE, Clock.systemUTC());
    }

    /** Role checks ({@code @PreAuthorize}) before the request is read and validated: see the interceptor. */
    @Bean
    WebMvcConfigurer preAuthorizeBeforeBinding(ApplicationContext context) {
        PreAuthorizeBeforeBinding interceptor = new PreAuthorizeBeforeBinding(context);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemFactory problems) {
        return new ProblemSecurityHandlers(problems);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain ocopApiSecurity(HttpSecurity http, SecurityProperties properties,
            ProblemSecurityHandlers problemHandlers) throws Exception {
        List<String> open = new ArrayList<>(List.of(ALWAYS_PUBLIC));
        open.addAll(properties.publicPaths());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new AgencyTokenConverter()))
                        .authenticationEntryPoint(problemHandlers)
                        .accessDeniedHandler(problemHandlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problemHandlers)
                        .accessDeniedHandler(problemHandlers))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; frame-ancestors 'none'; object-src 'none'")));
        return http.build();
    }
}
