-- Debts and their follow-up activities, owned by a debt-collection company (the token's
-- company_id). Keys are bigint inside; the API shows them only encrypted.
CREATE TABLE debt (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id         varchar(100)   NOT NULL,
    external_reference varchar(100)   NOT NULL,
    debtor_name        varchar(200)   NOT NULL,
    debtor_phone       varchar(32),
    debtor_email       varchar(254),
    amount             numeric(19, 2) NOT NULL CHECK (amount > 0),
    currency           varchar(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    due_date           date,
    version            bigint         NOT NULL DEFAULT 0,
    created_at         timestamptz    NOT NULL,
    updated_at         timestamptz    NOT NULL,
    CONSTRAINT uq_debt_company_reference UNIQUE (company_id, external_reference)
);

CREATE INDEX ix_debt_company_created ON debt (company_id, created_at DESC, id DESC);

CREATE TABLE debt_followup (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id           varchar(100)  NOT NULL,
    debt_id              bigint        NOT NULL REFERENCES debt (id),
    type                 varchar(20)   NOT NULL,
    status               varchar(20)   NOT NULL,
    call_date            timestamptz,
    scheduled_at         timestamptz,
    summary              varchar(500),
    notes                varchar(10000),
    call_id              varchar(255),
    audio_url            varchar(2048),
    pdf_url              varchar(2048),
    duration_ms          bigint CHECK (duration_ms >= 0),
    phone_number_used    varchar(32),
    direction            varchar(10),
    disconnection_reason varchar(255),
    is_retry             boolean       NOT NULL DEFAULT false,
    processed_at         timestamptz   NOT NULL,
    version              bigint        NOT NULL DEFAULT 0,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL
);

-- Lists are per company, newest first, optionally narrowed by debt, status, type or schedule.
CREATE INDEX ix_debt_followup_company_created ON debt_followup (company_id, id DESC);
CREATE INDEX ix_debt_followup_debt ON debt_followup (debt_id, id DESC);
CREATE INDEX ix_debt_followup_company_scheduled ON debt_followup (company_id, scheduled_at) WHERE scheduled_at IS NOT NULL;
