package io.followup.security;

import java.util.UUID;

/**
 * The caller's tenant, from the token's {@code tenant_id} claim. Declare it as a controller
 * parameter to get it; a token without a valid claim is refused with 403.
 */
public record TenantId(UUID value) {

    /** Refuses a tenant named in the path that is not the caller's own. */
    public void requireSame(UUID pathTenant) {
        if (!value.equals(pathTenant)) {
            throw AccessRefusedException.otherTenant();
        }
    }
}
