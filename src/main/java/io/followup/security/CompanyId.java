package io.followup.security;

/**
 * The caller's debt-collection company, from the token's {@code company_id} claim. Declare it as a
 * controller parameter to get it; a token without a usable claim is refused with 403.
 */
public record CompanyId(String value) {
}
