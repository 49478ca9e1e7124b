-- Idempotency keys of the external API's creates, per integrator (company and OAuth client). The
-- primary key lets exactly one of several racing requests with the same key claim it; the others
-- see it in progress (409) or, once it completed, get its stored response replayed.
CREATE TABLE idempotency_key (
    client_key       varchar(300)  NOT NULL,
    idempotency_key  varchar(255)  NOT NULL,
    -- SHA-256 of method, path and body: a reuse with another request is refused, without keeping the body
    request_hash     bytea         NOT NULL CHECK (octet_length(request_hash) = 32),
    status           varchar(16)   NOT NULL CHECK (status IN ('in_progress', 'completed')),
    -- who holds an in-progress claim, and until when; a claim whose holder died is taken over after that
    owner            uuid          NOT NULL,
    locked_until     timestamptz,
    response_status  integer,
    response_headers jsonb,
    response_body    bytea,
    created_at       timestamptz   NOT NULL,
    expires_at       timestamptz   NOT NULL,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (client_key, idempotency_key),
    CONSTRAINT ck_idempotency_key_completed CHECK (status <> 'completed' OR response_status IS NOT NULL)
);

-- Cleanup deletes expired keys by age.
CREATE INDEX ix_idempotency_key_expires ON idempotency_key (expires_at);
