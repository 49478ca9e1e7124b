package io.followup.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The OAuth client calling the external API: its company ({@code company_id}) and the client itself,
 * named by the token's {@code client_id} (RFC 9068), else {@code azp}, else {@code sub}. Rate limits and
 * idempotency keys belong to one integrator; two clients of a company are two integrators.
 */
public record Integrator(String companyId, String clientId) {

    /** Longest {@link #key()}; longer identities are stored as their SHA-256. */
    public static final int MAX_KEY_LENGTH = 300;

    /** The caller of the current request, when it presented a valid JWT. */
    public static Optional<Integrator> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return Optional.empty();
        }
        var claims = jwt.getToken().getClaims();
        String company = claims.get(CallerArgumentResolver.COMPANY_CLAIM) instanceof String text ? text : "";
        return Optional.of(new Integrator(company, firstText(claims, "client_id", "azp", "sub")));
    }

    /** Whether the company claim is one the external API accepts (else its controllers refuse the call with 403). */
    public boolean hasValidCompany() {
        return CallerArgumentResolver.isValidCompany(companyId);
    }

    /** One string naming this integrator unambiguously, at most {@value #MAX_KEY_LENGTH} characters. */
    public String key() {
        String key = companyId.length() + ":" + companyId + ":" + clientId;
        return key.length() <= MAX_KEY_LENGTH ? key : "sha256:" + sha256(key);
    }

    private static String firstText(java.util.Map<String, Object> claims, String... names) {
        for (String name : names) {
            if (claims.get(name) instanceof String text && !text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
