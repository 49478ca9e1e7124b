package io.followup.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.followup.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;

import static io.followup.webhooks.WebhookAudience.BACKEND;
import static io.followup.webhooks.WebhookAudience.EXTERNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscriptions service: its checks, its answers, and that an owner sees only its own. */
class WebhookSubscriptionsIntegrationTests extends WebhookTestBase {

    @Test
    void createAnswersTheSubscriptionAndItsSecretOnce() {
        String owner = newOwner(EXTERNAL);
        IssuedSubscription issued = subscribe(EXTERNAL, owner, "http://127.0.0.1:9/a", WebhookEvents.FOLLOWUP_FAILED,
                WebhookEvents.DEBT_CREATED);

        SubscriptionView view = issued.subscription();
        assertThat(issued.secret()).matches("[0-9a-f]{64}");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(view.eventTypes()).containsExactly("debt.created", "followup.failed");
        assertThat(view.active()).isTrue();
        assertThat(view.disabledReason()).isNull();
        assertThat(view.previousSecretExpiresAt()).isNull();
        assertThat(view.createdAt()).isEqualTo(view.updatedAt());
        assertThat(subscriptions.get(EXTERNAL, owner, view.id())).isEqualTo(view);
    }

    @Test
    void anotherOwnersOrAudiencesSubscriptionIsNotFound() {
        String owner = newOwner(EXTERNAL);
        UUID id = subscribe(EXTERNAL, owner, receiver.newUrl(), WebhookEvents.DEBT_CREATED).subscription().id();
        String stranger = newOwner(EXTERNAL);

        for (Runnable call : List.<Runnable>of(
                () -> subscriptions.get(EXTERNAL, stranger, id),
                () -> subscriptions.get(BACKEND, owner, id),
                () -> subscriptions.update(EXTERNAL, stranger, id, null, null, false),
                () -> subscriptions.rotateSecret(EXTERNAL, stranger, id, null),
                () -> subscriptions.deliveries(EXTERNAL, stranger, id, 0, 10),
                () -> subscriptions.sendTest(EXTERNAL, stranger, id),
                () -> subscriptions.redeliver(EXTERNAL, stranger, id, UUID.randomUUID()),
                () -> subscriptions.delete(EXTERNAL, stranger, id),
                () -> subscriptions.get(EXTERNAL, owner, UUID.randomUUID()))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(WebhookNotFoundException.class, ex -> {
                assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(ex.getMessage()).isEqualTo("Webhook not found");
            });
        }
        assertThat(subscriptions.get(EXTERNAL, owner, id).active()).as("untouched by the stranger's calls").isTrue();
        assertThat(subscriptions.list(EXTERNAL, stranger, 0, 10).getTotalElements()).isZero();
    }

    @Test
    void aDeliveryOfAnotherSubscriptionIsNotFound() {
        String owner = newOwner(EXTERNAL);
        UUID first = subscribe(EXTERNAL, owner, receiver.newUrl(), WebhookEvents.DEBT_CREATED).subscription().id();
        UUID second = subscribe(EXTERNAL, owner, receiver.newUrl(), WebhookEvents.DEBT_CREATED).subscription().id();
        DeliveryView test = subscriptions.sendTest(EXTERNAL, owner, first);

        assertThatThrownBy(() -> subscriptions.redeliver(EXTERNAL, owner, second, test.deliveryId()))
                .isInstanceOf(WebhookNotFoundException.class);
    }

    @Test
    void refusesBadEventTypesUrlsAndGraces() {
        String owner = newOwner(BACKEND);
        assertRefused("event_types", () -> subscriptions.create(BACKEND, owner, receiver.newUrl(), Set.of()));
        assertRefused("event_types", () -> subscriptions.create(BACKEND, owner, receiver.newUrl(), null));
        assertRefused("event_types", () -> subscriptions.create(BACKEND, owner, receiver.newUrl(), Set.of("debt.created")));
        assertRefused("event_types", () -> subscriptions.create(BACKEND, owner, receiver.newUrl(), Set.of("webhook.test")));
        assertRefused("event_types", () -> subscriptions.create(BACKEND, owner, receiver.newUrl(), Set.of("STEP.SENT")));
        assertRefused("url", () -> subscriptions.create(BACKEND, owner, "ftp://127.0.0.1/x", Set.of("step.sent")));
        assertRefused("url", () -> subscriptions.create(BACKEND, owner, "http://user:pw@127.0.0.1/x", Set.of("step.sent")));
        assertRefused("url", () -> subscriptions.create(BACKEND, owner, "http://127.0.0.1/" + "x".repeat(2048), Set.of("step.sent")));
        assertRefused("url", () -> subscriptions.create(BACKEND, owner, null, Set.of("step.sent")));

        UUID id = subscribe(BACKEND, owner, receiver.newUrl(), WebhookEvents.STEP_SENT).subscription().id();
        assertRefused("url", () -> subscriptions.update(BACKEND, owner, id, "not a url", null, null));
        assertRefused("event_types", () -> subscriptions.update(BACKEND, owner, id, null, Set.of(), null));
        assertRefused("grace_period", () -> subscriptions.rotateSecret(BACKEND, owner, id, Duration.ofDays(7).plusSeconds(1)));
        assertRefused("grace_period", () -> subscriptions.rotateSecret(BACKEND, owner, id, Duration.ofSeconds(-1)));
        assertThat(subscriptions.list(BACKEND, owner, 0, 10).getTotalElements()).isEqualTo(1);
    }

    @Test
    void updateChangesOnlyWhatIsGiven() {
        String owner = newOwner(EXTERNAL);
        IssuedSubscription issued = subscribe(EXTERNAL, owner, receiver.newUrl(), WebhookEvents.DEBT_CREATED);
        UUID id = issued.subscription().id();
        clock.advance(Duration.ofSeconds(1));

        SubscriptionView unchanged = subscriptions.update(EXTERNAL, owner, id, null, null, null);
        assertThat(unchanged.url()).isEqualTo(issued.subscription().url());
        assertThat(unchanged.eventTypes()).containsExactly("debt.created");
        assertThat(unchanged.updatedAt()).isAfter(unchanged.createdAt());

        String url = receiver.newUrl();
        SubscriptionView changed = subscriptions.update(EXTERNAL, owner, id, url,
                Set.of(WebhookEvents.FOLLOWUP_UPDATED, WebhookEvents.DEBT_DELETED), false);
        assertThat(changed.url()).isEqualTo(url);
        assertThat(changed.eventTypes()).containsExactly("debt.deleted", "followup.updated");
        assertThat(changed.active()).isFalse();
        assertThat(subscriptions.get(EXTERNAL, owner, id)).isEqualTo(changed);
    }

    @Test
    void rotationWithoutGraceEndsTheOldSecretAtOnce() {
        String owner = newOwner(EXTERNAL);
        String url = receiver.newUrl();
        IssuedSubscription issued = subscribe(EXTERNAL, owner, url, WebhookEvents.DEBT_CREATED);

        IssuedSubscription rotated = subscriptions.rotateSecret(EXTERNAL, owner, issued.subscription().id(), Duration.ZERO);
        assertThat(rotated.subscription().previousSecretExpiresAt()).isNull();
        subscriptions.sendTest(EXTERNAL, owner, issued.subscription().id());

        awaitReceived(url, 1);
        WebhookReceiver.Received request = receiver.received(url).get(0);
        assertThat(WebhookReceiver.getBillSignatureValid(request.header("X-GetBill-Signature"), rotated.secret(), request.body()))
                .isTrue();
        assertThat(request.header("X-GetBill-Signature-Previous")).isNull();
    }

    @Test
    void listIsNewestFirstInPages() {
        String owner = newOwner(BACKEND);
        UUID older = subscribe(BACKEND, owner, receiver.newUrl(), WebhookEvents.STEP_READ).subscription().id();
        clock.advance(Duration.ofMillis(5));
        UUID newer = subscribe(BACKEND, owner, receiver.newUrl(), WebhookEvents.STEP_READ).subscription().id();

        Page<SubscriptionView> first = subscriptions.list(BACKEND, owner, 0, 1);
        assertThat(first.getTotalElements()).isEqualTo(2);
        assertThat(first.getContent()).extracting(SubscriptionView::id).containsExactly(newer);
        assertThat(subscriptions.list(BACKEND, owner, 1, 1).getContent()).extracting(SubscriptionView::id).containsExactly(older);
        assertThatThrownBy(() -> subscriptions.list(BACKEND, owner, -1, 10)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> subscriptions.list(BACKEND, owner, 0, 101)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void deleteRemovesTheSubscriptionWithItsEventsAndDeliveries() {
        String owner = newOwner(EXTERNAL);
        UUID id = subscribe(EXTERNAL, owner, receiver.newUrl(), WebhookEvents.DEBT_CREATED).subscription().id();
        subscriptions.sendTest(EXTERNAL, owner, id);

        subscriptions.delete(EXTERNAL, owner, id);

        assertThatThrownBy(() -> subscriptions.get(EXTERNAL, owner, id)).isInstanceOf(WebhookNotFoundException.class);
        assertThatThrownBy(() -> subscriptions.delete(EXTERNAL, owner, id)).isInstanceOf(WebhookNotFoundException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_event WHERE subscription_id = ?", Long.class, id)).isZero();
    }

    private static void assertRefused(String field, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidWebhookException.class, ex -> {
            assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(ex.details()).containsOnlyKeys(field);
        });
    }
}
