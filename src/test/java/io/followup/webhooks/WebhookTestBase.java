package io.followup.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.followup.support.Eventually;
import io.followup.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the webhook tests share: the services, a receiver, and waits on the delivery log. */
abstract class WebhookTestBase extends IntegrationTest {

    /** Past the first retry's wait (1 minute). */
    static final Duration PAST_FIRST_RETRY = Duration.ofSeconds(61);

    @Autowired
    WebhookSubscriptions subscriptions;

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    final WebhookReceiver receiver = WebhookReceiver.get();

    /** An owner no other test has. */
    static String newOwner(WebhookAudience audience) {
        return audience == WebhookAudience.EXTERNAL ? "company-" + UUID.randomUUID() : UUID.randomUUID().toString();
    }

    IssuedSubscription subscribe(WebhookAudience audience, String owner, String url, String... types) {
        return subscriptions.create(audience, owner, url, Set.of(types));
    }

    /** Records an event in a transaction that commits. */
    void record(WebhookAudience audience, String owner, String type, Object data, Map<String, Object> changes) {
        transactions.executeWithoutResult(tx -> outbox.record(audience, owner, type, data, changes));
    }

    List<DeliveryView> log(WebhookAudience audience, String owner, UUID subscription) {
        return subscriptions.deliveries(audience, owner, subscription, 0, 100).getContent();
    }

    /** Waits until the log has {@code count} rows and none is pending but possibly the newest. */
    List<DeliveryView> awaitLog(WebhookAudience audience, String owner, UUID subscription, int count, String newestStatus) {
        Eventually.until(count + " deliveries, the newest " + newestStatus, () -> {
            List<DeliveryView> rows = log(audience, owner, subscription);
            return rows.size() == count && rows.get(0).status().equals(newestStatus);
        });
        return log(audience, owner, subscription);
    }

    void awaitReceived(String url, int count) {
        Eventually.until(count + " requests at " + url, () -> receiver.received(url).size() >= count);
    }

    JsonNode event(WebhookReceiver.Received request) {
        return json.readTree(request.body()).get("event");
    }
}
