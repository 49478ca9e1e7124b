package io.followup.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.followup.web.ApiErrors;
import io.followup.web.ApiSurface;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * JWT resource server for both surfaces. The key comes only from Spring's standard properties
 * ({@code spring.security.oauth2.resourceserver.jwt.*}); scopes from the {@code scope} claim.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Request headers a browser page may send, and answer headers its script may read. */
    private static final List<String> CORS_REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT, HttpHeaders.IF_MATCH, "Idempotency-Key");
    private static final List<String> CORS_EXPOSED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE, "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset", "X-RateLimit-Window", "Idempotent-Replayed");

    /**
     * GetBill's one 401 body for a missing, bad or expired token alike (https://docs.getbill.io/errors); the reason
     * stays in {@code WWW-Authenticate} ({@code error="invalid_token", error_description="..."}, RFC 6750), which
     * Spring's bearer entry point writes.
     */
    static final String EXTERNAL_UNAUTHORIZED = "Authentication credentials are missing or invalid";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiErrors errors, CorsSettings corsSettings) throws Exception {
        BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
            bearerEntryPoint.commence(request, response, ex);
            ApiSurface surface = ApiSurface.of(request);
            errors.write(response, surface, request.getRequestURI(), HttpStatus.UNAUTHORIZED,
                    surface == ApiSurface.EXTERNAL ? EXTERNAL_UNAUTHORIZED : unauthorizedMessage(ex), Map.of());
        };
        AccessDeniedHandler forbidden = (request, response, ex) -> {
            bearerDenied.handle(request, response, ex);
            errors.write(response, ApiSurface.of(request), request.getRequestURI(), HttpStatus.FORBIDDEN,
                    deniedMessage(request), Map.of());
        };
        if (corsSettings.enabled()) {
            // Spring Security's CorsFilter runs before authentication: a preflight is answered without a
            // token, and every answer (401s and 429s included) carries the headers a browser needs to read it.
            http.cors(cors -> cors.configurationSource(corsSource(corsSettings)));
        }
        else {
            http.cors(cors -> cors.disable());
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    authorize.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    authorize.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    // The providers' webhooks carry no JWT: each checks its own signature or token (io.followup.callbacks).
                    authorize.requestMatchers("/webhooks/meta", "/webhooks/gupshup/*").permitAll();
                    ScopeRules.RULES.forEach(rule -> authorize.requestMatchers(rule.matcher()).hasAuthority(rule.authority()));
                    authorize.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth2 -> oauth2.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: they
     * were a fifth of a request's CPU. Requests stay observed as {@code http.server.requests}, whose
     * status tag counts the 401s and 403s.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's firewall with its header value rule decided without a regular expression ({@link HeaderValues}). */
    @Bean
    static WebSecurityCustomizer headerValueFirewall() {
        return web -> web.httpFirewall(HeaderValues.firewall());
    }

    /**
     * Refuses tokens without {@code exp}: Spring accepts them by default, and a token that never
     * expires cannot be revoked by waiting. Boot adds this to the validators of the decoder it builds.
     */
    @Bean
    OAuth2TokenValidator<Jwt> expiryRequired() {
        OAuth2Error missing = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has no expiry (exp)", null);
        return jwt -> jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(missing);
    }

    /**
     * Wraps the decoder Spring Boot builds from the standard properties (its configuration stays theirs): tokens of a
     * {@link TrustedIssuer} go to that issuer's decoder, and every verified token is remembered until it expires.
     */
    @Bean
    static BeanPostProcessor cachingJwtDecoder(ObjectProvider<TrustedIssuer> trustedIssuers) {
        Supplier<Map<String, JwtDecoder>> trusted = SingletonSupplier.of(() -> trustedIssuers.orderedStream()
                .collect(Collectors.toUnmodifiableMap(TrustedIssuer::issuer, TrustedIssuer::decoder)));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(new IssuerRoutingJwtDecoder(decoder, trusted), Clock.systemUTC()) : bean;
            }
        };
    }

    private static CorsConfigurationSource corsSource(CorsSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(CORS_REQUEST_HEADERS);
        cors.setExposedHeaders(CORS_EXPOSED_HEADERS);
        // Bearer tokens travel in a header, never in cookies: no credentials mode.
        cors.setAllowCredentials(false);
        cors.setMaxAge(settings.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    private static String unauthorizedMessage(AuthenticationException ex) {
        if (ex instanceof InvalidBearerTokenException) {
            return "Invalid bearer token: " + ex.getMessage();
        }
        return "Authentication required: send an OAuth 2.0 bearer token in the Authorization header";
    }

    private static String deniedMessage(HttpServletRequest request) {
        return ScopeRules.ruleFor(request)
                .map(rule -> "Required scope \"" + rule.scope() + "\" not found in token")
                .orElse("Access denied");
    }
}
