package io.followup.security;

import java.util.Map;

/** The {@code company_id} claim's length rule by the columns it is stored in, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class SecurityColumnLimits {

    public static final Map<String, Integer> VALIDATED = Map.of(
            "debt.company_id", CallerArgumentResolver.MAX_COMPANY_LENGTH,
            "debt_followup.company_id", CallerArgumentResolver.MAX_COMPANY_LENGTH,
            "debtor.company_id", CallerArgumentResolver.MAX_COMPANY_LENGTH,
            "debt_import.company_id", CallerArgumentResolver.MAX_COMPANY_LENGTH,
            "idempotency_key.client_key", Integrator.MAX_KEY_LENGTH);

    private SecurityColumnLimits() {
    }
}
