-- Follow-up configurations: one per assistant within a tenant. The step sequence is an
-- aggregate that is always read and written whole, so it lives in jsonb next to its owner.
CREATE TABLE followup_config (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    assistant_id       uuid        NOT NULL,
    trigger_status_ids uuid[]      NOT NULL CHECK (cardinality(trigger_status_ids) BETWEEN 1 AND 50),
    steps              jsonb       NOT NULL DEFAULT '[]'::jsonb,
    official_steps     jsonb       NOT NULL DEFAULT '[]'::jsonb,
    is_active          boolean     NOT NULL DEFAULT true,
    version            bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT uq_followup_config_assistant UNIQUE (tenant_id, assistant_id)
);

-- Tenant listing, newest first.
CREATE INDEX ix_followup_config_tenant_created ON followup_config (tenant_id, created_at DESC, id DESC);
