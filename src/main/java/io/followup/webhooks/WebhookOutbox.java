package io.followup.webhooks;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records events for the subscriptions that want them, in the transaction of the change they tell of. */
@Component
public class WebhookOutbox {

    /**
     * In the caller's transaction: for every active subscription of (audience, owner) whose event types include
     * {@code type}, inserts the event (the subscription's next sequence number) and its first delivery, and enqueues the
     * delivery job. {@code data} is serialised with the app's JsonMapper; {@code changes} may be null (else
     * {"field": {"old": x, "new": y}}). No subscription: nothing is written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(WebhookAudience audience, String owner, String type, Object data, Map<String, Object> changes) {
        throw new UnsupportedOperationException("not yet");
    }
}
