-- Debts in GetBill's shape (issue 15), and the debtors behind them.
--
-- A debtor is the person behind one or more debts of one company. A new debt joins the company's
-- debtor with the same debtor_reference; without one (or when no debtor has it), the debtor with the
-- same phone (E.164), then the one with the same email (case-insensitive), unless both the debt and
-- that debtor have references and they differ; otherwise it starts a new
-- debtor. The indexes below serve those three look-ups.
CREATE TABLE debtor (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id       varchar(100) NOT NULL,
    first_name       varchar(200) NOT NULL,
    last_name        varchar(200) NOT NULL,
    email            varchar(254),
    phone            varchar(32),
    address          varchar(500),
    date_of_birth    date,
    debtor_reference varchar(100),
    first_seen_at    timestamptz  NOT NULL,
    last_seen_at     timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT uq_debtor_id_company UNIQUE (id, company_id)
);

CREATE INDEX ix_debtor_company_created ON debtor (company_id, id DESC);
CREATE INDEX ix_debtor_company_reference ON debtor (company_id, debtor_reference) WHERE debtor_reference IS NOT NULL;
CREATE INDEX ix_debtor_company_phone ON debtor (company_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX ix_debtor_company_email ON debtor (company_id, lower(email)) WHERE email IS NOT NULL;

-- The debt's own columns under GetBill's names. external_reference becomes internal_id (optional in
-- GetBill, still unique per company when given), debtor_name is split into firstname and lastname
-- (the last word is the last name; a one-word name is a last name with an empty first name).
ALTER TABLE debt RENAME COLUMN external_reference TO internal_id;
ALTER TABLE debt ALTER COLUMN internal_id DROP NOT NULL;
ALTER TABLE debt RENAME CONSTRAINT uq_debt_company_reference TO uq_debt_company_internal_id;
ALTER TABLE debt RENAME COLUMN debtor_phone TO phone;
ALTER TABLE debt RENAME COLUMN debtor_email TO email;

ALTER TABLE debt
    ADD COLUMN firstname                    varchar(200),
    ADD COLUMN lastname                     varchar(200),
    ADD COLUMN civility                     varchar(10),
    ADD COLUMN birthdate                    date,
    ADD COLUMN object                       varchar(500),
    ADD COLUMN invoice_reference            varchar(100),
    ADD COLUMN debtor_reference             varchar(100),
    ADD COLUMN invoice_date                 date,
    ADD COLUMN address                      varchar(500),
    ADD COLUMN street_address               varchar(255),
    ADD COLUMN street_number                varchar(20),
    ADD COLUMN postal_code                  varchar(20),
    ADD COLUMN city                         varchar(100),
    ADD COLUMN country                      varchar(100),
    ADD COLUMN status                       varchar(20)  NOT NULL DEFAULT 'pending'
        CONSTRAINT ck_debt_status CHECK (status IN ('pending', 'in_progress', 'paid', 'on_hold', 'failed', 'archived')),
    ADD COLUMN iban                         varchar(34),
    ADD COLUMN company                      varchar(200),
    ADD COLUMN debtor_company               varchar(200),
    ADD COLUMN payment_link                 varchar(2048),
    -- Accepted, stored and echoed; they have meaning only inside GetBill's own platform.
    ADD COLUMN timeline_id                  varchar(100),
    ADD COLUMN timeline_start_mode          varchar(20),
    ADD COLUMN accept_expensive_destination boolean      NOT NULL DEFAULT false,
    ADD COLUMN last_timeline_restart        timestamptz,
    ADD COLUMN payment_plan_active          boolean      NOT NULL DEFAULT false,
    ADD COLUMN plan_start_date              date,
    ADD COLUMN metadata                     jsonb,
    ADD COLUMN debtor_id                    bigint;

UPDATE debt SET
    firstname = CASE WHEN strpos(regexp_replace(btrim(debtor_name), '\s+', ' ', 'g'), ' ') = 0 THEN ''
                     ELSE rtrim(regexp_replace(regexp_replace(btrim(debtor_name), '\s+', ' ', 'g'), '\s+\S+$', '')) END,
    lastname  = CASE WHEN strpos(regexp_replace(btrim(debtor_name), '\s+', ' ', 'g'), ' ') = 0 THEN regexp_replace(btrim(debtor_name), '\s+', ' ', 'g')
                     ELSE substring(regexp_replace(btrim(debtor_name), '\s+', ' ', 'g') FROM '(\S+)$') END,
    -- The old API took spaces, brackets, dashes and dots in phones; E.164 has none of them.
    phone     = nullif(regexp_replace(phone, '[\s().-]', '', 'g'), '');

ALTER TABLE debt
    ALTER COLUMN firstname SET NOT NULL,
    ALTER COLUMN lastname SET NOT NULL,
    DROP COLUMN debtor_name;

-- Existing debts get their debtors by the same rule (they have no debtor_reference): same phone,
-- else same email, else a debtor of their own.
ALTER TABLE debtor ADD COLUMN migration_key text;

INSERT INTO debtor (company_id, first_name, last_name, email, phone, first_seen_at, last_seen_at, updated_at, migration_key)
SELECT DISTINCT ON (company_id, k)
       company_id, firstname, lastname, email, phone,
       min(created_at) OVER w, max(created_at) OVER w, max(updated_at) OVER w, k
FROM (SELECT d.*, coalesce('phone:' || d.phone, 'email:' || lower(d.email), 'debt:' || d.id) AS k FROM debt d) s
WINDOW w AS (PARTITION BY company_id, k)
ORDER BY company_id, k, created_at, id;

UPDATE debt d SET debtor_id = r.id
FROM debtor r
WHERE r.company_id = d.company_id
  AND r.migration_key = coalesce('phone:' || d.phone, 'email:' || lower(d.email), 'debt:' || d.id);

ALTER TABLE debtor DROP COLUMN migration_key;

ALTER TABLE debt
    ALTER COLUMN debtor_id SET NOT NULL,
    ADD CONSTRAINT fk_debt_debtor_company FOREIGN KEY (debtor_id, company_id) REFERENCES debtor (id, company_id);

-- GetBill needs a phone or an email on every debt; debts of the old API may have neither, so the
-- rule binds rows written from now on (a PUT on such a debt must give one).
ALTER TABLE debt ADD CONSTRAINT ck_debt_phone_or_email CHECK (phone IS NOT NULL OR email IS NOT NULL) NOT VALID;

CREATE INDEX ix_debt_debtor ON debt (debtor_id, id DESC);
CREATE INDEX ix_debt_company_status ON debt (company_id, status, id DESC);
