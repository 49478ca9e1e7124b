package io.followup.apiclients;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What an API client's company, name and scopes must be; every bad field is reported at once. */
final class ApiClientRules {

    private ApiClientRules() {
    }

    /** The trimmed name and the scopes as a set, or a refusal naming each bad field. */
    static Accepted check(String companyId, String name, Collection<String> scopes) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (companyId == null || companyId.isBlank()) {
            errors.put("company_id", "company_id is required");
        }
        else if (companyId.length() > ApiClients.MAX_COMPANY_LENGTH) {
            errors.put("company_id", "company_id must be at most " + ApiClients.MAX_COMPANY_LENGTH + " characters");
        }
        else if (hasNul(companyId)) {
            errors.put("company_id", "company_id must not contain the NUL character");
        }
        String trimmed = name == null ? null : name.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            errors.put("name", "name is required and must not be blank");
        }
        else if (trimmed.length() > ApiClients.MAX_NAME_LENGTH) {
            errors.put("name", "name must be at most " + ApiClients.MAX_NAME_LENGTH + " characters");
        }
        else if (hasNul(trimmed)) {
            errors.put("name", "name must not contain the NUL character");
        }
        Set<String> accepted = scopes(scopes, errors);
        if (!errors.isEmpty()) {
            throw new InvalidApiClientException(errors);
        }
        return new Accepted(companyId, trimmed, accepted);
    }

    /** A client ID named by the caller (the local run's demo client): the size of its column, URL-safe. */
    static void checkClientId(String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > ApiClients.MAX_CLIENT_ID_LENGTH
                || !clientId.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))) {
            throw new InvalidApiClientException(Map.of("client_id",
                    "client_id must be 1 to " + ApiClients.MAX_CLIENT_ID_LENGTH + " characters among letters, digits, '-', '_' and '.'"));
        }
    }

    private static Set<String> scopes(Collection<String> scopes, Map<String, String> errors) {
        if (scopes == null) {
            errors.put("scopes", "scopes is required: give at least one of " + grantable());
            return Set.of();
        }
        if (scopes.isEmpty()) {
            errors.put("scopes", "Give at least one scope among " + grantable());
            return Set.of();
        }
        Set<String> accepted = new TreeSet<>();
        for (String scope : scopes) {
            if (scope == null || !ApiClients.GRANTABLE_SCOPES.contains(scope)) {
                // The refused value is not echoed: it came from outside and may be anything, of any size.
                errors.put("scopes", "Every scope must be one of " + grantable());
                return Set.of();
            }
            accepted.add(scope);
        }
        return accepted;
    }

    private static String grantable() {
        return String.join(", ", new TreeSet<>(ApiClients.GRANTABLE_SCOPES));
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    record Accepted(String companyId, String name, Set<String> scopes) {
    }
}
