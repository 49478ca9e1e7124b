package io.followup.apiclients;

import java.util.Map;
import java.util.TreeSet;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The api_client columns by the rules that fill them, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class ApiClientsColumnLimits {

    /** Text a caller gives, refused beyond its column's size. */
    public static final Map<String, Integer> VALIDATED = Map.of(
            "api_client.client_id", ApiClients.MAX_CLIENT_ID_LENGTH,
            "api_client.company_id", ApiClients.MAX_COMPANY_LENGTH,
            "api_client.name", ApiClients.MAX_NAME_LENGTH);

    /** Written by the service from a fixed set or a fixed form, to the longest such value. */
    public static final Map<String, Integer> FIXED_VALUES = Map.of(
            "api_client.scopes", String.join(" ", new TreeSet<>(ApiClients.GRANTABLE_SCOPES)).length(),
            "api_client.secret_hash", hashLength(),
            "api_client.previous_secret_hash", hashLength());

    private ApiClientsColumnLimits() {
    }

    private static int hashLength() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("x".repeat(43)).length();
    }
}
