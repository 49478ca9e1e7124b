package io.followup.support;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debts and follow-ups made through the external API for a test to work on, each one asserted created
 * (201), so that a broken set-up fails as such rather than as the test's own assertion.
 */
public final class ExternalApiFixtures {

    public static final String DEBTS = "/external-api/v1/debts";
    public static final String FOLLOWUPS = "/external-api/v1/followups";

    private ExternalApiFixtures() {
    }

    /** The smallest valid debt: the fields the API requires, and {@code internal_id} to find it by. */
    public static String debtBody(String reference) {
        return """
                {"internal_id":"%s","firstname":"Maria","lastname":"Silva","phone":"+5511999998888","amount":1500.00,"currency":"BRL"}"""
                .formatted(reference);
    }

    /** A new debt of {@code company} under a fresh internal ID; its encrypted ID. */
    public static String createDebt(ApiClient api, String company) {
        return createDebt(api, company, "INV-" + UUID.randomUUID()).get("id").asString();
    }

    /** A new debt of {@code company} with this internal ID; the {@code data} of the answer. */
    public static JsonNode createDebt(ApiClient api, String company, String reference) {
        return create(api, company, DEBTS, "set-up debt", debtBody(reference));
    }

    /** A new follow-up of {@code company} from this body; the {@code data} of the answer. */
    public static JsonNode createFollowup(ApiClient api, String company, String body) {
        return create(api, company, FOLLOWUPS, "set-up followup", body);
    }

    private static JsonNode create(ApiClient api, String company, String path, String what, String body) {
        ApiResponse created = api.request("POST", path).token(TestTokens.get().external(company)).json(body).send();
        assertThat(created.status()).as(what + ": " + created).isEqualTo(201);
        return created.json().get("data");
    }
}
