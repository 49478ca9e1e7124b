package io.followup.webhooks;

/**
 * Who a subscription belongs to, and so which events it may take and how its deliveries are signed.
 * The owner is a company ID for {@link #EXTERNAL} and a tenant ID (a UUID as text) for {@link #BACKEND}.
 */
public enum WebhookAudience {

    /** The external (GetBill) API's companies: GetBill's event names, signed with X-GetBill-Signature. */
    EXTERNAL,

    /** The backend's tenants: enrollment events, signed as the assistant webhook is. */
    BACKEND;

    /** The event types a subscription of this audience may choose from (webhook.test is not one). */
    public java.util.Set<String> eventTypes() {
        return this == EXTERNAL ? WebhookEvents.EXTERNAL : WebhookEvents.BACKEND;
    }
}
