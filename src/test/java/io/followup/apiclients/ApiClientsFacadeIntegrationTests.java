package io.followup.apiclients;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the token endpoint and the local run call: {@link ApiClients} against real PostgreSQL. */
class ApiClientsFacadeIntegrationTests extends IntegrationTest {

    private final String company = "company-" + UUID.randomUUID();

    @Autowired
    private ApiClients apiClients;

    @Autowired
    private ApiClientAdmin admin;

    @Test
    void authenticatesTheCurrentSecretOnly() {
        IssuedClient issued = apiClients.create(company, "Sync", Set.of("followups:read", "followups:write"));

        assertThat(apiClients.authenticate(issued.clientId(), issued.clientSecret()))
                .contains(new AuthenticatedClient(issued.clientId(), company, "Sync", Set.of("followups:read", "followups:write")));
        assertThat(apiClients.authenticate(issued.clientId(), issued.clientSecret() + "x")).isEmpty();
        assertThat(apiClients.authenticate(issued.clientId(), issued.clientSecret().substring(1))).isEmpty();
        assertThat(apiClients.authenticate(issued.clientId().toUpperCase(), issued.clientSecret())).isEmpty();
        IssuedClient other = apiClients.create(company, "Other", Set.of("debts:read"));
        assertThat(apiClients.authenticate(other.clientId(), issued.clientSecret())).as("another client's secret").isEmpty();
    }

    @Test
    void previousSecretWorksUntilItsGraceEnds() {
        IssuedClient issued = apiClients.create(company, "Rotating", Set.of("debts:read"));
        IssuedClient rotated = admin.rotate(company, issued.clientId(), Duration.ofMinutes(30));

        assertThat(apiClients.authenticate(issued.clientId(), issued.clientSecret())).isPresent();
        assertThat(apiClients.authenticate(issued.clientId(), rotated.clientSecret())).isPresent();

        clock.advance(Duration.ofMinutes(31));

        assertThat(apiClients.authenticate(issued.clientId(), issued.clientSecret())).isEmpty();
        assertThat(apiClients.authenticate(issued.clientId(), rotated.clientSecret())).isPresent();
    }

    @Test
    void revokedAndUnknownClientsGetNothing() {
        IssuedClient issued = apiClients.create(company, "Revoked", Set.of("debts:read"));
        admin.revoke(company, issued.clientId());

        assertThat(apiClients.authenticate(issued.clientId(), issued.clientSecret())).isEmpty();
        assertThat(apiClients.authenticate("0".repeat(24), issued.clientSecret())).isEmpty();
    }

    @Test
    void absurdInputIsNoClientNeverAFailure() {
        IssuedClient issued = apiClients.create(company, "Absurd", Set.of("debts:read"));
        String huge = "x".repeat(10_240);

        for (String clientId : new String[] {null, "", " ", huge, "a\u0000b", "'; drop table api_client; --", issued.clientId()}) {
            for (String secret : new String[] {null, "", huge, "é".repeat(40), "\u0000", issued.clientSecret() + huge}) {
                assertThatCode(() -> assertThat(apiClients.authenticate(clientId, secret)).isEmpty())
                        .as("client %.20s, secret %.20s", clientId, secret).doesNotThrowAnyException();
            }
        }
        assertThat(apiClients.authenticate(issued.clientId(), issued.clientSecret())).as("still works").isPresent();
    }

    @Test
    void recordTokenIssuedSetsLastUsedAt() {
        IssuedClient issued = apiClients.create(company, "Used", Set.of("debts:read"));
        assertThat(admin.get(company, issued.clientId()).lastUsedAt()).isNull();

        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        apiClients.recordTokenIssued(issued.clientId());

        Instant lastUsed = admin.get(company, issued.clientId()).lastUsedAt();
        assertThat(lastUsed).isBetween(before, clock.instant());
        assertThatCode(() -> {
            apiClients.recordTokenIssued("x".repeat(10_240));
            apiClients.recordTokenIssued(null);
        }).doesNotThrowAnyException();
        assertThat(jdbc.queryForObject("SELECT version FROM api_client WHERE client_id = ?", Long.class, issued.clientId()))
                .as("a token request does not bump the version").isZero();
    }

    @Test
    void createRefusesWhatIsNotGrantableNamingTheField() {
        assertThatThrownBy(() -> apiClients.create(company, "x", Set.of("api-clients:admin")))
                .isInstanceOfSatisfying(InvalidApiClientException.class, ex -> assertThat(ex.details()).containsOnlyKeys("scopes"));
        assertThatThrownBy(() -> apiClients.create(company, "x", Set.of()))
                .isInstanceOfSatisfying(InvalidApiClientException.class, ex -> assertThat(ex.details()).containsOnlyKeys("scopes"));
        assertThatThrownBy(() -> apiClients.create(" ", " ", null))
                .isInstanceOfSatisfying(InvalidApiClientException.class,
                        ex -> assertThat(ex.details()).containsOnlyKeys("company_id", "name", "scopes"));
        assertThatThrownBy(() -> apiClients.create("c".repeat(101), "n".repeat(101), Set.of("debts:read")))
                .isInstanceOfSatisfying(InvalidApiClientException.class,
                        ex -> assertThat(ex.details()).containsOnlyKeys("company_id", "name"));
        assertThat(apiClients.create("c".repeat(100), " " + "n".repeat(100) + " ", Set.of("debts:read")).client().name())
                .hasSize(100);
    }

    @Test
    void resetSecretIsIdempotentByClientId() {
        String clientId = "demo-" + UUID.randomUUID();

        IssuedClient first = apiClients.resetSecret(company, clientId, "Demo", Set.of("debts:read"));
        assertThat(first.clientId()).isEqualTo(clientId);
        assertThat(apiClients.authenticate(clientId, first.clientSecret())).isPresent();
        admin.revoke(company, clientId);

        IssuedClient second = apiClients.resetSecret(company + "-moved", clientId, "Demo again", Set.of("debts:read", "debts:write"));

        assertThat(second.clientId()).isEqualTo(clientId);
        assertThat(apiClients.authenticate(clientId, first.clientSecret())).as("no grace for the old secret").isEmpty();
        assertThat(apiClients.authenticate(clientId, second.clientSecret()))
                .contains(new AuthenticatedClient(clientId, company + "-moved", "Demo again", Set.of("debts:read", "debts:write")));
        assertThat(second.client().revokedAt()).isNull();
        assertThat(second.client().previousSecretExpiresAt()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_client WHERE client_id = ?", Long.class, clientId)).isEqualTo(1);
        assertThatThrownBy(() -> apiClients.resetSecret(company, "x".repeat(65), "Demo", Set.of("debts:read")))
                .isInstanceOfSatisfying(InvalidApiClientException.class, ex -> assertThat(ex.details()).containsOnlyKeys("client_id"));
    }
}
