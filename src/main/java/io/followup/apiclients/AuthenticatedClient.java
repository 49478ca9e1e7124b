package io.followup.apiclients;

import java.util.Set;

/** An API client whose secret was just checked: what its tokens carry ({@code company_id}, {@code scope}). */
public record AuthenticatedClient(String clientId, String companyId, String name, Set<String> scopes) {

    public AuthenticatedClient {
        scopes = Set.copyOf(scopes);
    }
}
