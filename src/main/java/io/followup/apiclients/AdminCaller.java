package io.followup.apiclients;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who calls the admin API: a company admin (the token has a {@code company_id} claim) manages its company's clients
 * only; ops (a token without the claim) manage any company's. io.followup.security's {@code CompanyId} refuses tokens
 * without the claim, so the claim is read here.
 * @param company the caller's company, or null for ops
 */
record AdminCaller(String company) {

    static final String COMPANY_CLAIM = "company_id";

    /** The caller of the current request; a claim that is there but unusable is refused (403), never taken for ops. */
    static AdminCaller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            throw ApiClientRefusedException.badCompanyClaim();
        }
        if (!jwt.getToken().hasClaim(COMPANY_CLAIM)) {
            return new AdminCaller(null);
        }
        Object claim = jwt.getToken().getClaims().get(COMPANY_CLAIM);
        if (!(claim instanceof String text) || text.isBlank() || text.length() > ApiClients.MAX_COMPANY_LENGTH) {
            throw ApiClientRefusedException.badCompanyClaim();
        }
        return new AdminCaller(text);
    }

    boolean isOps() {
        return company == null;
    }

    /**
     * The company a request names ({@code company_id} of a body or a filter) as this caller may use it: a company admin's
     * own when left out, refused (403) when another; for ops, what was named (null when nothing was).
     */
    String companyNamed(String named) {
        if (isOps()) {
            return named;
        }
        if (named != null && !named.equals(company)) {
            throw ApiClientRefusedException.otherCompany();
        }
        return company;
    }
}
