-- Outbound webhooks (issue 17): subscriptions of the external API's companies (audience EXTERNAL, owner = company_id)
-- and of the backend's tenants (BACKEND, owner = the tenant's UUID as text), the events recorded for them and each
-- attempt to deliver one (io.followup.webhooks). An event is written in the transaction of the change it tells of
-- (WebhookOutbox), so it exists exactly when that change committed; the job engine posts it (kind webhook.deliver).
--
-- webhook_subscription: url is at most 2048 characters (the API's limit). event_types are the chosen types, sorted and
-- space-separated (the longest set fits well in 200). secret is 32 random bytes as hex, kept as is because it must sign;
-- previous_secret signs too, in a second header, until previous_secret_expires_at (a rotation's grace).
-- next_sequence is the number the next event gets: the outbox takes it with an UPDATE ... RETURNING, whose row lock
-- makes concurrent transactions of one subscription take turns, and whose rollback gives the number back, so the
-- sequence has no gaps. failing_since is the first failed attempt after a success; 24 hours of failures disable the
-- subscription (active false, disabled_reason, disabled_at) until its owner re-enables it.
CREATE TABLE webhook_subscription (
    id                         uuid PRIMARY KEY,
    audience                   varchar(16)   NOT NULL,
    owner                      varchar(100)  NOT NULL,
    url                        varchar(2048) NOT NULL,
    event_types                varchar(200)  NOT NULL,
    secret                     varchar(64)   NOT NULL,
    previous_secret            varchar(64),
    previous_secret_expires_at timestamptz,
    active                     boolean       NOT NULL,
    disabled_reason            varchar(200),
    disabled_at                timestamptz,
    failing_since              timestamptz,
    next_sequence              bigint        NOT NULL DEFAULT 1,
    created_at                 timestamptz   NOT NULL,
    updated_at                 timestamptz   NOT NULL,
    CONSTRAINT ck_webhook_subscription_audience CHECK (audience IN ('EXTERNAL', 'BACKEND')),
    CONSTRAINT ck_webhook_subscription_previous_secret
        CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL))
);

-- Every change of an owner's data asks which of its subscriptions are active: the outbox's one query, kept cheap for
-- owners without any. The owner's list (all of them, oldest first) has its own.
CREATE INDEX ix_webhook_subscription_active ON webhook_subscription (audience, owner) WHERE active;
CREATE INDEX ix_webhook_subscription_owner ON webhook_subscription (audience, owner, created_at, id);

-- One event of one subscription. body is the exact bytes posted (the {"event": {...}} document), so a retry or a
-- redelivery sends what the first attempt sent and its signature matches. Deleting a subscription deletes its events.
CREATE TABLE webhook_event (
    id              uuid PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    type            varchar(50) NOT NULL,
    sequence        bigint      NOT NULL,
    body            bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT uq_webhook_event_sequence UNIQUE (subscription_id, sequence)
);

-- One attempt to deliver an event: the first (attempt 1), each retry after a failure (attempt + 1, due later) and
-- each redelivery asked for (attempt 1 again, redelivery true). due_at is when it was to be sent, attempted_at when it
-- was; status_code, latency_ms and error are what came of it (error cut to 500). subscription_id is the event's, kept
-- here for the owner's log of deliveries, newest first.
CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,
    event_id        uuid         NOT NULL REFERENCES webhook_event (id) ON DELETE CASCADE,
    subscription_id uuid         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    attempt         int          NOT NULL,
    redelivery      boolean      NOT NULL,
    status          varchar(16)  NOT NULL,
    status_code     int,
    latency_ms      bigint,
    error           varchar(500),
    due_at          timestamptz  NOT NULL,
    attempted_at    timestamptz,
    CONSTRAINT ck_webhook_delivery_status CHECK (status IN ('pending', 'succeeded', 'failed'))
);

CREATE INDEX ix_webhook_delivery_log ON webhook_delivery (subscription_id, due_at DESC, id DESC);
-- The cascade from an event, and a subscription's pending deliveries (stopped when it is disabled or deleted).
CREATE INDEX ix_webhook_delivery_event ON webhook_delivery (event_id);
CREATE INDEX ix_webhook_delivery_pending ON webhook_delivery (subscription_id) WHERE status = 'pending';
