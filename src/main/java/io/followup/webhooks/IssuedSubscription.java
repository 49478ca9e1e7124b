package io.followup.webhooks;

/** A subscription with its secret just made: the only answer that shows the secret (create, rotate). */
public record IssuedSubscription(SubscriptionView subscription, String secret) {

    @Override
    public String toString() {
        // Never in a log line by accident.
        return "IssuedSubscription[subscription=" + subscription + ", secret=****]";
    }
}
