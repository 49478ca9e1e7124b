-- Lead events already handled, so a repeated event_id changes nothing.
CREATE TABLE lead_event (
    tenant_id   uuid         NOT NULL,
    event_id    varchar(100) NOT NULL,
    type        varchar(40)  NOT NULL,
    outcome     varchar(20)  NOT NULL,
    detail      varchar(500),
    received_at timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);

-- When each lead last wrote to the assistant (for WhatsApp's 24-hour rule).
CREATE TABLE lead_contact (
    tenant_id       uuid         NOT NULL,
    assistant_id    uuid         NOT NULL,
    lead_id         varchar(100) NOT NULL,
    last_message_at timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, assistant_id, lead_id)
);

-- A lead's run through a snapshot of its assistant's sequence; steps and their states in jsonb.
CREATE TABLE enrollment (
    id                 uuid         PRIMARY KEY,
    tenant_id          uuid         NOT NULL,
    assistant_id       uuid         NOT NULL,
    lead_id            varchar(100) NOT NULL,
    channel_id         varchar(100) NOT NULL,
    config_id          uuid         NOT NULL,
    status             varchar(16)  NOT NULL CHECK (status IN ('active', 'completed', 'stopped', 'failed')),
    stop_reason        varchar(200),
    trigger_status_id  uuid         NOT NULL,
    trigger_status_ids uuid[]       NOT NULL,
    triggered_at       timestamptz  NOT NULL,
    lead               jsonb        NOT NULL,
    steps              jsonb        NOT NULL,
    current_step       integer      NOT NULL,
    version            bigint       NOT NULL DEFAULT 0,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    finished_at        timestamptz
);

-- At most one running enrollment per lead of an assistant: the database decides racing triggers.
CREATE UNIQUE INDEX uq_enrollment_active_lead ON enrollment (tenant_id, assistant_id, lead_id) WHERE status = 'active';
CREATE INDEX ix_enrollment_lead ON enrollment (tenant_id, assistant_id, lead_id, created_at DESC);
CREATE INDEX ix_enrollment_tenant_created ON enrollment (tenant_id, created_at DESC, id DESC);
