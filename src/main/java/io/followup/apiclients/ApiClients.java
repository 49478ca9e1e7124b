package io.followup.apiclients;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.followup.web.Constraints;

/**
 * The API clients of the external API, for the token endpoint (io.followup.oauth) and the local run: checks a
 * client's credentials, records that it got a token, and makes clients with their secret. The admin API's other
 * calls are {@link ApiClientAdmin}'s.
 */
@Service
public class ApiClients {

    /** What a client may be granted: the external API's scopes, never an admin one. */
    public static final Set<String> GRANTABLE_SCOPES = Set.of("followups:read", "followups:write", "debts:read", "debts:write",
            "debtors:read", "debtors:write", "webhooks:read", "webhooks:write");

    /** The sizes of the api_client columns they go to. */
    static final int MAX_CLIENT_ID_LENGTH = 64;
    static final int MAX_COMPANY_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 100;
    private static final String CLIENT_ID_CONSTRAINT = "uq_api_client_client_id";

    private final StoredClientRepository clients;
    private final ClientSecrets secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApiClients(StoredClientRepository clients, ClientSecrets secrets, TransactionTemplate transactions, Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The client if it exists, is not revoked and {@code secret} is its current secret, or its previous one while that
     * one's grace lasts. An unknown client costs one hash check too, so timing tells nothing. Never throws for what
     * a caller sent: anything unusable is simply no client.
     */
    public Optional<AuthenticatedClient> authenticate(String clientId, String secret) {
        // No transaction around the hash check: it takes tens of milliseconds, a connection is not held for it.
        Optional<StoredClient> found = clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID_LENGTH
                || clientId.indexOf('\u0000') >= 0 ? Optional.empty() : clients.findByClientId(clientId);
        if (found.isEmpty()) {
            secrets.matchesAny(secret);
            return Optional.empty();
        }
        StoredClient client = found.get();
        boolean matches = secrets.matchesAny(secret, client.getSecretHash(), client.previousSecretHashAt(clock.instant()));
        if (!matches || client.isRevoked()) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticatedClient(client.getClientId(), client.getCompanyId(), client.getName(), client.getScopes()));
    }

    /** Sets the client's last_used_at to now, in one statement of its own. */
    public void recordTokenIssued(String clientId) {
        if (clientId != null && clientId.length() <= MAX_CLIENT_ID_LENGTH) {
            clients.markUsed(clientId, clock.instant());
        }
    }

    /**
     * A new client of {@code companyId} with a generated client ID and secret.
     * @throws InvalidApiClientException naming company_id, name or scopes
     */
    public IssuedClient create(String companyId, String name, Set<String> scopes) {
        ApiClientRules.Accepted accepted = ApiClientRules.check(companyId, name, scopes);
        String secret = secrets.newSecret();
        String hash = secrets.hash(secret);
        StoredClient client = transactions.execute(status -> clients.saveAndFlush(new StoredClient(secrets.newClientId(),
                accepted.companyId(), accepted.name(), accepted.scopes(), hash, clock.instant())));
        return new IssuedClient(client.getClientId(), secret, ApiClientResponse.from(client));
    }

    /**
     * The client with this fixed ID, made if absent, otherwise given these company, name and scopes, reinstated if
     * revoked, and given a new secret at once (the old one stops: no grace). Calling it again only changes the secret.
     * @throws InvalidApiClientException naming client_id, company_id, name or scopes
     */
    public IssuedClient resetSecret(String companyId, String clientId, String name, Set<String> scopes) {
        ApiClientRules.checkClientId(clientId);
        ApiClientRules.Accepted accepted = ApiClientRules.check(companyId, name, scopes);
        String secret = secrets.newSecret();
        String hash = secrets.hash(secret);
        try {
            StoredClient client = transactions.execute(status -> clients.saveAndFlush(clients.findByClientId(clientId)
                    .map(existing -> {
                        existing.define(accepted.companyId(), accepted.name(), accepted.scopes());
                        existing.reinstate();
                        existing.rotate(hash, Duration.ZERO, clock.instant());
                        return existing;
                    })
                    .orElseGet(() -> new StoredClient(clientId, accepted.companyId(), accepted.name(), accepted.scopes(), hash,
                            clock.instant()))));
            return new IssuedClient(client.getClientId(), secret, ApiClientResponse.from(client));
        }
        catch (DataIntegrityViolationException ex) {
            if (Constraints.violated(ex, CLIENT_ID_CONSTRAINT)) {
                // Two starts made it at once; the other one's is there now, so this one takes it over.
                return resetSecret(companyId, clientId, name, scopes);
            }
            throw ex;
        }
    }
}
