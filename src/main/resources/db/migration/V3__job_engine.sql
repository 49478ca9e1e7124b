-- The durable job table every instance polls. A job is claimed in one statement with
-- FOR UPDATE SKIP LOCKED, holds a lease while it runs, and is retried with backoff on failure.
CREATE TABLE job (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             varchar(100)  NOT NULL,
    payload          jsonb         NOT NULL,
    run_at           timestamptz   NOT NULL,
    status           varchar(16)   NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    attempts         integer       NOT NULL DEFAULT 0,
    max_attempts     integer       NOT NULL CHECK (max_attempts >= 1),
    lease_owner      varchar(100),
    lease_expires_at timestamptz,
    last_error       varchar(2000),
    dedupe_key       varchar(200),
    created_at       timestamptz   NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz
);

-- Claims read only due pending jobs: this partial index stays small however large the backlog of
-- finished jobs, and ordered by due time.
CREATE INDEX ix_job_due ON job (run_at, id) WHERE status = 'pending';
-- The lease reaper looks only at running jobs.
CREATE INDEX ix_job_lease ON job (lease_expires_at) WHERE status = 'running';
-- Retention deletes finished jobs by age.
CREATE INDEX ix_job_finished ON job (finished_at) WHERE status IN ('succeeded', 'failed', 'cancelled');
-- A dedupe key makes an enqueue idempotent: a second job with the same key is not created.
CREATE UNIQUE INDEX uq_job_dedupe ON job (dedupe_key) WHERE dedupe_key IS NOT NULL;
