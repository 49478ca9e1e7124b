package io.followup.apiclients;

/**
 * An API client with a secret just made: the only moment the secret exists outside the caller's hands. Show it once;
 * the service keeps only its hash.
 */
public record IssuedClient(String clientId, String clientSecret, ApiClientResponse client) {

    @Override
    public String toString() {
        // Never in a log line by accident.
        return "IssuedClient[clientId=" + clientId + ", clientSecret=****]";
    }
}
