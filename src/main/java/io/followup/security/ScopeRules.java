package io.followup.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which OAuth scope each route needs. Declared once: the filter chain enforces these rules and the
 * 403 body names the scope of the rule that refused the call.
 */
final class ScopeRules {

    record Rule(RequestMatcher matcher, String scope) {

        String authority() {
            return "SCOPE_" + scope;
        }
    }

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    static final List<Rule> RULES = List.of(
            rule(READS, "/backend/followup/configs/**", "followup-configs:read"),
            rule(WRITES, "/backend/followup/configs/**", "followup-configs:write"),
            rule(WRITES, "/backend/followup/events/**", "followup-events:write"),
            rule(READS, "/backend/followup/enrollments/**", "followup-configs:read"),
            rule(READS, "/backend/followup/opt-outs/**", "followup-configs:read"),
            // Deleting an opt-out is the platform reporting that the lead opted in again: an event, like lead.opted_out.
            rule(WRITES, "/backend/followup/opt-outs/**", "followup-events:write"),
            rule(READS, "/external-api/v1/debts/**", "debts:read"),
            rule(WRITES, "/external-api/v1/debts/**", "debts:write"),
            rule(READS, "/external-api/v1/debtors/**", "debtors:read"),
            rule(WRITES, "/external-api/v1/debtors/**", "debtors:write"),
            rule(READS, "/external-api/v1/webhooks/**", "webhooks:read"),
            rule(WRITES, "/external-api/v1/webhooks/**", "webhooks:write"),
            // The platform's webhook subscriptions are part of its follow-up set-up, as the configurations are.
            rule(READS, "/backend/followup/webhooks/**", "followup-configs:read"),
            rule(WRITES, "/backend/followup/webhooks/**", "followup-configs:write"),
            rule(READS, "/external-api/v1/followups/**", "followups:read"),
            rule(WRITES, "/external-api/v1/followups/**", "followups:write"),
            // API clients of the external API's token endpoint: ops and company admins, with a token of the configured
            // (outside) issuer; the service's own tokens never carry this scope (io.followup.oauth).
            rule(READS, "/admin/v1/api-clients/**", "api-clients:admin"),
            rule(WRITES, "/admin/v1/api-clients/**", "api-clients:admin"),
            // Metrics belong to ops, not to every holder of an API token (health stays public).
            rule(READS, "/actuator/**", "metrics:read"));

    private ScopeRules() {
    }

    static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
    }

    private static Rule rule(Set<HttpMethod> methods, String pattern, String scope) {
        List<RequestMatcher> matchers = methods.stream()
                .map(method -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, pattern))
                .toList();
        return new Rule(request -> matchers.stream().anyMatch(m -> m.matches(request)), scope);
    }
}
