-- Batches of debts (POST /external-api/v1/debts/batch, issue 15): each batch is an import whose
-- encrypted ID the answer names (GetBill's data.import_id), with its name and what became of its rows.
CREATE TABLE debt_import (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id  varchar(100) NOT NULL,
    batch_name  varchar(200) NOT NULL,
    total       integer      NOT NULL CHECK (total BETWEEN 0 AND 1000),
    created     integer      NOT NULL DEFAULT 0,
    failed      integer      NOT NULL DEFAULT 0,
    skipped     integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL,
    finished_at timestamptz
);

CREATE INDEX ix_debt_import_company ON debt_import (company_id, id DESC);

-- The debt lists' filters (GetBill's status, currency, amount range, creation range): each one with
-- the company first, so a filtered page reads the company's matching rows, not all of them.
-- status is ix_debt_company_status (V11), the creation range ix_debt_company_created (V2).
CREATE INDEX ix_debt_company_currency ON debt (company_id, currency, id DESC);
CREATE INDEX ix_debt_company_amount ON debt (company_id, amount);
