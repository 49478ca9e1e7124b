package io.followup.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.followup.webhooks.WebhookAudience.EXTERNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production setting, in a context of its own: private targets are refused at create and again at each delivery. */
class WebhookPrivateNetworksIntegrationTests extends WebhookTestBase {

    @Autowired
    SubscriptionStore store;

    @DynamicPropertySource
    static void refusePrivateNetworks(DynamicPropertyRegistry registry) {
        registry.add(WEBHOOKS_ALLOW_PRIVATE_NETWORKS, () -> "false");
    }

    @Test
    void createAndUpdateRefuseLoopbackAndPrivateTargets() {
        String owner = newOwner(EXTERNAL);
        for (String url : List.of("http://127.0.0.1:8080/hook", "https://127.0.0.1/hook", "https://localhost/hook",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://10.0.0.7/hook")) {
            assertThatThrownBy(() -> subscriptions.create(EXTERNAL, owner, url, Set.of(WebhookEvents.DEBT_CREATED)))
                    .as(url).isInstanceOfSatisfying(InvalidWebhookException.class,
                            ex -> assertThat(ex.details()).containsOnlyKeys("url"));
        }
        UUID id = subscriptions.create(EXTERNAL, owner, "https://93.184.215.14/hook", Set.of(WebhookEvents.DEBT_CREATED))
                .subscription().id();
        assertThatThrownBy(() -> subscriptions.update(EXTERNAL, owner, id, "https://192.168.0.10/", null, null))
                .isInstanceOf(InvalidWebhookException.class);
        assertThat(subscriptions.list(EXTERNAL, owner, 0, 10).getTotalElements()).isEqualTo(1);
    }

    /** A URL stored before (another setting, or a name that resolved elsewhere then) is checked again before the post. */
    @Test
    void aDeliveryToAPrivateTargetIsNotSent() {
        String owner = newOwner(EXTERNAL);
        String url = receiver.newUrl();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> store.insert(new StoredSubscription(id, EXTERNAL, owner, url,
                List.of(WebhookEvents.DEBT_CREATED), WebhookRules.newSecret(), null, null, true, null, null, null, now, now)));

        record(EXTERNAL, owner, WebhookEvents.DEBT_CREATED, Map.of("id", "d-private"), null);

        DeliveryView refused = awaitLog(EXTERNAL, owner, id, 2, "pending").get(1);
        assertThat(refused.status()).isEqualTo("failed");
        assertThat(refused.statusCode()).isNull();
        assertThat(refused.error()).isEqualTo("Not sent: url must use https");
        assertThat(receiver.received(url)).isEmpty();
    }
}
