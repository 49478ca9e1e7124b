package io.followup.oauth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.followup.apiclients.ApiClients;
import io.followup.ratelimit.RateLimiter;
import io.followup.security.TrustedIssuer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The external API's authorization server (Spring Authorization Server): the client-credentials grant at
 * {@code POST /token} (and {@code /oauth/token}), its JWK set at {@code /.well-known/jwks.json} and its metadata at
 * {@code /.well-known/oauth-authorization-server} (RFC 8414), in a filter chain of its own ahead of the APIs' chain.
 * Nothing else of Spring Authorization Server is served: no authorization code, no introspection or revocation.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String METADATA_PATH = "/.well-known/oauth-authorization-server";

    @Bean
    SigningKey oauthSigningKey(OAuthSettings settings) {
        return SigningKey.read(settings.signingKeyLocation());
    }

    @Bean
    JWKSource<SecurityContext> oauthJwkSource(SigningKey key) {
        return key.jwkSource();
    }

    /** The resource server's second issuer: tokens naming this one are checked with this key (io.followup.security). */
    @Bean
    TrustedIssuer ownIssuer(OAuthSettings settings, SigningKey key) {
        return new OwnIssuer(settings.issuerText(), key.publicKey());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OAuthSettings settings) {
        return AuthorizationServerSettings.builder()
                .issuer(settings.issuerText())
                .tokenEndpoint(TokenRequests.TOKEN_PATH)
                .jwkSetEndpoint(JWKS_PATH)
                .build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository() {
        return new ApiClientRegistrations();
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new SelfContainedTokens();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims() {
        return new AccessTokenClaims();
    }

    @Bean
    OpenApiCustomizer tokenEndpointDocs() {
        return new TokenEndpointDocs();
    }

    /** Ahead of every other filter (security's included), so {@code /oauth/token} is seen as {@code /token} by all. */
    @Bean
    FilterRegistrationBean<TokenPathAlias> tokenPathAlias() {
        FilterRegistrationBean<TokenPathAlias> registration = new FilterRegistrationBean<>(new TokenPathAlias());
        registration.addUrlPatterns(TokenRequests.OAUTH_TOKEN_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, OAuthSettings settings, ApiClients clients,
            ObjectProvider<RateLimiter> limiter, MeterRegistry meters) throws Exception {
        RequestMatcher served = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(TokenRequests.TOKEN_PATH),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, JWKS_PATH),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, METADATA_PATH));
        OAuth2AccessTokenResponseAuthenticationSuccessHandler tokenResponse = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
        http.securityMatcher(served)
                .oauth2AuthorizationServer(server -> server
                        .clientAuthentication(client -> client
                                .authenticationProviders(providers -> {
                                    providers.clear();
                                    providers.add(new ApiClientAuthentication(clients, settings.accessTokenTtl()));
                                })
                                .errorResponseHandler((request, response, ex) -> OAuthErrors.write(response,
                                        status(((OAuth2AuthenticationException) ex).getError().getErrorCode()),
                                        ((OAuth2AuthenticationException) ex).getError())))
                        .tokenEndpoint(token -> token
                                .accessTokenRequestConverters(converters -> {
                                    converters.clear();
                                    converters.add(new ClientCredentialsRequests());
                                })
                                .accessTokenResponseHandler((request, response, authentication) -> {
                                    tokenResponse.onAuthenticationSuccess(request, response, authentication);
                                    clients.recordTokenIssued(((OAuth2AccessTokenAuthenticationToken) authentication)
                                            .getRegisteredClient().getClientId());
                                })
                                .errorResponseHandler((request, response, ex) -> OAuthErrors.write(response,
                                        HttpStatus.BAD_REQUEST, TokenErrors.described(((OAuth2AuthenticationException) ex).getError()))))
                        .authorizationServerMetadataEndpoint(metadata -> metadata
                                .authorizationServerMetadataCustomizer(new ServedMetadata())))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, JWKS_PATH, METADATA_PATH).permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, ex) ->
                        OAuthErrors.write(response, HttpStatus.UNAUTHORIZED, OAuth2ErrorCodes.INVALID_CLIENT,
                                "Client authentication failed: send client_id and client_secret (HTTP Basic or form fields)")));
        RateLimiter rateLimiter = limiter.getIfAvailable();
        if (rateLimiter != null) {
            Counter refused = Counter.builder("followup.oauth.token_requests_limited")
                    .description("Token requests refused with 429 by the per-client or per-address brute-force limit")
                    .register(meters);
            http.addFilterBefore(new TokenRequestLimit(rateLimiter, settings.tokenRequests(), refused),
                    AbstractPreAuthenticatedProcessingFilter.class);
        }
        http.addFilterBefore(new TokenRequestGuard(), AbstractPreAuthenticatedProcessingFilter.class);
        return http.build();
    }

    private static HttpStatus status(String errorCode) {
        return OAuth2ErrorCodes.INVALID_CLIENT.equals(errorCode) ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
    }
}
