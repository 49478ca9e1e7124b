package io.followup.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.followup.web.PageParams;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The subscriptions of an owner, for the controllers. Another owner's ID is a 404, like a missing one. */
@Service
public class WebhookSubscriptions {

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final WebhookOutbox outbox;
    private final WebhookUrlGuard guard;
    private final Clock clock;

    WebhookSubscriptions(SubscriptionStore subscriptions, DeliveryStore deliveries, WebhookOutbox outbox, WebhookUrlGuard guard,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.guard = guard;
        this.clock = clock;
    }

    /** @throws InvalidWebhookException naming url or event_types */
    @Transactional
    public IssuedSubscription create(WebhookAudience audience, String owner, String url, Set<String> eventTypes) {
        checkOwner(audience, owner);
        List<String> types = WebhookRules.eventTypes(audience, eventTypes);
        guard.check(url);
        Instant now = clock.instant();
        String secret = WebhookRules.newSecret();
        StoredSubscription created = new StoredSubscription(UUID.randomUUID(), audience, owner, url, types, secret, null, null,
                true, null, null, null, now, now);
        subscriptions.insert(created);
        return new IssuedSubscription(created.view(now), secret);
    }

    /** Newest first; {@code page} from 0, {@code size} 1 to 100 (else a 400). */
    @Transactional(readOnly = true)
    public Page<SubscriptionView> list(WebhookAudience audience, String owner, int page, int size) {
        checkOwner(audience, owner);
        PageRequest request = PageParams.of(page, size, Sort.unsorted());
        Instant now = clock.instant();
        List<SubscriptionView> rows = subscriptions.page(audience, owner, request.getOffset(), size).stream()
                .map(s -> s.view(now)).toList();
        return new PageImpl<>(rows, request, subscriptions.count(audience, owner));
    }

    @Transactional(readOnly = true)
    public SubscriptionView get(WebhookAudience audience, String owner, UUID id) {
        return owned(audience, owner, id, false).view(clock.instant());
    }

    /** null = unchanged; active=true also re-enables a subscription disabled for failing. */
    @Transactional
    public SubscriptionView update(WebhookAudience audience, String owner, UUID id, String url, Set<String> eventTypes,
            Boolean active) {
        StoredSubscription s = owned(audience, owner, id, true);
        List<String> types = eventTypes == null ? s.eventTypes() : WebhookRules.eventTypes(audience, eventTypes);
        if (url != null) {
            guard.check(url);
        }
        boolean nowActive = active == null ? s.active() : active;
        boolean reenabled = Boolean.TRUE.equals(active);
        Instant now = clock.instant();
        StoredSubscription updated = new StoredSubscription(s.id(), audience, owner, url == null ? s.url() : url, types,
                s.secret(), s.previousSecret(), s.previousSecretExpiresAt(), nowActive,
                reenabled ? null : s.disabledReason(), reenabled ? null : s.disabledAt(), reenabled ? null : s.failingSince(),
                s.createdAt(), now);
        subscriptions.update(updated);
        return updated.view(now);
    }

    /** Its events and deliveries go with it; the jobs of its pending deliveries then find nothing to send. */
    @Transactional
    public void delete(WebhookAudience audience, String owner, UUID id) {
        checkOwner(audience, owner);
        if (id == null || !subscriptions.delete(audience, owner, id)) {
            throw new WebhookNotFoundException();
        }
    }

    /**
     * A new secret, shown once; the old one still signs (in the second header) until the grace ends.
     * @param grace PT0S..P7D (else a 400 naming grace_period); null means 24 hours
     */
    @Transactional
    public IssuedSubscription rotateSecret(WebhookAudience audience, String owner, UUID id, Duration grace) {
        Duration checked = WebhookRules.grace(grace);
        StoredSubscription s = owned(audience, owner, id, true);
        Instant now = clock.instant();
        String secret = WebhookRules.newSecret();
        boolean keepsOld = !checked.isZero();
        StoredSubscription rotated = new StoredSubscription(s.id(), audience, owner, s.url(), s.eventTypes(), secret,
                keepsOld ? s.secret() : null, keepsOld ? now.plus(checked) : null, s.active(), s.disabledReason(), s.disabledAt(),
                s.failingSince(), s.createdAt(), now);
        subscriptions.update(rotated);
        return new IssuedSubscription(rotated.view(now), secret);
    }

    /** Newest first (by when each attempt was due); {@code page} from 0, {@code size} 1 to 100. */
    @Transactional(readOnly = true)
    public Page<DeliveryView> deliveries(WebhookAudience audience, String owner, UUID id, int page, int size) {
        PageRequest request = PageParams.of(page, size, Sort.unsorted());
        StoredSubscription s = owned(audience, owner, id, false);
        return new PageImpl<>(deliveries.page(s.id(), request.getOffset(), size), request, deliveries.count(s.id()));
    }

    /** A new attempt of that delivery's event (same event ID and body, attempt 1), due now. */
    @Transactional
    public DeliveryView redeliver(WebhookAudience audience, String owner, UUID id, UUID deliveryId) {
        StoredSubscription s = owned(audience, owner, id, false);
        DeliveryView original = deliveryId == null ? null : deliveries.find(s.id(), deliveryId).orElse(null);
        if (original == null) {
            throw new WebhookNotFoundException();
        }
        UUID redelivery = deliveries.schedule(original.eventId(), s.id(), 1, true, clock.instant());
        return deliveries.find(s.id(), redelivery).orElseThrow();
    }

    /** A webhook.test event for this subscription, through the same path as any event (own sequence number, signed). */
    @Transactional
    public DeliveryView sendTest(WebhookAudience audience, String owner, UUID id) {
        StoredSubscription s = owned(audience, owner, id, false);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscription_id", s.id().toString());
        data.put("message", "A test event, sent on request.");
        UUID delivery = outbox.recordTest(s.id(), data);
        return deliveries.find(s.id(), delivery).orElseThrow();
    }

    private StoredSubscription owned(WebhookAudience audience, String owner, UUID id, boolean lock) {
        checkOwner(audience, owner);
        if (id == null) {
            throw new WebhookNotFoundException();
        }
        return subscriptions.find(audience, owner, id, lock).orElseThrow(WebhookNotFoundException::new);
    }

    /** The owner comes from an authenticated caller, bounded there; anything else is a programming error. */
    private static void checkOwner(WebhookAudience audience, String owner) {
        Objects.requireNonNull(audience, "audience");
        if (owner == null || owner.isEmpty() || owner.length() > SubscriptionStore.MAX_OWNER_LENGTH) {
            throw new IllegalArgumentException("A webhook owner is a non-empty text of at most "
                    + SubscriptionStore.MAX_OWNER_LENGTH + " characters");
        }
    }
}
