package vn.ocop.identity.authserver;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import vn.ocop.chassis.security.AgencyTokenConverter;
import vn.ocop.chassis.security.ProblemSecurityHandlers;
import vn.ocop.chassis.security.SecurityProperties;
import vn.ocop.chassis.web.ProblemFactory;
import vn.ocop.identity.IdentityProperties;
import vn.ocop.identity.accounts.AccountAuthenticationProvider;
import vn.ocop.identity.accounts.AccountService;

/**
 * Three filter chains (they replace the chassis' default one):
 * <ol>
 * <li>the OAuth2 / OIDC endpoints of Spring Authorization Server ({@code /oauth2/*}, {@code /.well-known/*},
 * {@code /userinfo}, {@code /connect/logout}); a browser that is not logged in is sent to {@code /login};</li>
 * <li>{@code /api/**}: a stateless resource server (bearer tokens, {@link AgencyTokenConverter}, 401/403 as
 * problem+json, no session, no CSRF), province officers only except {@code /api/accounts/me};</li>
 * <li>everything else: form login ({@code /login}, session, CSRF on) and bearer tokens, with health, metrics and
 * API docs public.</li>
 * </ol>
 * Tokens are checked against this service's own signing key (no HTTP call to itself); when
 * {@code ocop.security.jwt.public-key-location} is set (tests, air-gapped installs) tokens signed by that key are
 * accepted too. Either way the issuer must be {@code ocop.security.jwt.issuer}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    static final String[] PUBLIC_PATHS = {"/login", "/error", "/favicon.ico", "/default-ui.css",
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, JwtDecoder jwtDecoder,
            ProblemSecurityHandlers problems) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(jwtDecoder)))
                .cors(Customizer.withDefaults())
                .exceptionHandling(exceptions -> loginForBrowsers(exceptions, problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/accounts/me", "/api/accounts/me/**").authenticated()
                        .anyRequest().hasRole("PROVINCE_OFFICER"))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new AgencyTokenConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain loginChain(HttpSecurity http, AccountService accounts, PasswordEncoder passwordEncoder,
            ProblemFactory texts, ProblemSecurityHandlers problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(new AccountAuthenticationProvider(accounts, passwordEncoder, texts))
                .formLogin(form -> form.loginPage(LoginPageController.PATH).permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new AgencyTokenConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> loginForBrowsers(exceptions, problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "frame-ancestors 'none'; object-src 'none'")));
        return http.build();
    }

    /**
     * Browsers (asking for HTML) go to the login page; API callers get a 401 problem. Registered as default entry
     * points (not as THE entry point) so that Spring Security still generates its default login page.
     */
    private static ExceptionHandlingConfigurer<HttpSecurity> loginForBrowsers(
            ExceptionHandlingConfigurer<HttpSecurity> exceptions, ProblemSecurityHandlers problems) {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return exceptions.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), html)
                .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SecurityProperties security) {
        return AuthorizationServerSettings.builder().issuer(issuer(security)).build();
    }

    @Bean
    RSAKey signingKey(SigningKeyStore store) {
        return store.loadOrCreate();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey, SecurityProperties security) throws JOSEException, IOException {
        String issuer = issuer(security);
        NimbusJwtDecoder own = NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        own.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        String location = security.jwt().publicKeyLocation();
        if (location == null || location.isBlank()) {
            return own;
        }
        RSAPublicKey configured;
        try (InputStream pem = new DefaultResourceLoader().getResource(location).getInputStream()) {
            configured = RsaKeyConverters.x509().convert(pem);
        }
        NimbusJwtDecoder other = NimbusJwtDecoder.withPublicKey(configured).build();
        other.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return token -> {
            try {
                return own.decode(token);
            } catch (JwtException notOurs) {
                return other.decode(token);
            }
        };
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new ExpiringAuthorizationService(Clock.systemUTC());
    }

    /** Browser applications at the web client's origins may call the token, key, user-info and API endpoints. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept-Language", "If-Match", "traceparent"));
        cors.setExposedHeaders(List.of("ETag", "Location", "traceparent"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect", "/oauth2/jwks",
                "/userinfo", "/.well-known/**", "/api/**")) {
            source.registerCorsConfiguration(path, cors);
        }
        return source;
    }

    static String issuer(SecurityProperties security) {
        if (security.jwt() == null || security.jwt().issuer() == null || security.jwt().issuer().isBlank()) {
            throw new IllegalStateException("ocop.security.jwt.issuer must be set");
        }
        return security.jwt().issuer();
    }
}
