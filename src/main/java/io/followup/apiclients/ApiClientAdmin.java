package io.followup.apiclients;

import java.time.Clock;
import java.time.Duration;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin API's reads and changes of existing clients. {@code company} is the company a company admin is
 * limited to, or null for ops (any company): another company's client is not found, as a missing one.
 */
@Service
class ApiClientAdmin {

    private final StoredClientRepository clients;
    private final ClientSecrets secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApiClientAdmin(StoredClientRepository clients, ClientSecrets secrets, TransactionTemplate transactions, Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One company's clients, or every company's when {@code company} is null (ops without a filter). */
    Page<ApiClientResponse> list(String company, Pageable page) {
        return transactions.execute(status -> (company == null ? clients.findAll(page) : clients.findByCompanyId(company, page))
                .map(ApiClientResponse::from));
    }

    ApiClientResponse get(String company, String clientId) {
        return transactions.execute(status -> ApiClientResponse.from(find(company, clientId)));
    }

    /** Revokes the client; revoking it again keeps the first revocation's time. */
    void revoke(String company, String clientId) {
        transactions.executeWithoutResult(status -> find(company, clientId).revoke(clock.instant()));
    }

    /**
     * A new secret; the current one keeps working for {@code grace}. Only one previous secret is kept, so one still in
     * its grace from an earlier rotation stops now.
     */
    IssuedClient rotate(String company, String clientId, Duration grace) {
        // The client is checked before the hash is made, and the hash made outside the transaction that writes it.
        get(company, clientId);
        String secret = secrets.newSecret();
        String hash = secrets.hash(secret);
        StoredClient client = transactions.execute(status -> {
            StoredClient found = find(company, clientId);
            if (found.isRevoked()) {
                throw ApiClientRefusedException.revoked();
            }
            found.rotate(hash, grace, clock.instant());
            return clients.saveAndFlush(found);
        });
        return new IssuedClient(client.getClientId(), secret, ApiClientResponse.from(client));
    }

    private StoredClient find(String company, String clientId) {
        if (clientId == null || clientId.length() > ApiClients.MAX_CLIENT_ID_LENGTH) {
            throw ApiClientNotFoundException.byClientId();
        }
        return (company == null ? clients.findByClientId(clientId) : clients.findByClientIdAndCompanyId(clientId, company))
                .orElseThrow(ApiClientNotFoundException::byClientId);
    }
}
