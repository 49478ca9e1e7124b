-- WhatsApp's 24-hour window belongs to the lead's conversation with one business number, so the last
-- inbound time is kept per channel, not per assistant (lead_contact). Unknown means closed.
CREATE TABLE lead_window (
    tenant_id       uuid         NOT NULL,
    channel_id      varchar(100) NOT NULL,
    lead_id         varchar(100) NOT NULL,
    last_inbound_at timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, channel_id, lead_id)
);

-- A recorded message time goes to every channel the lead was enrolled on by that assistant; a lead with
-- no enrollment has no known channel, so its time is dropped (its window is then unknown, hence closed).
INSERT INTO lead_window (tenant_id, channel_id, lead_id, last_inbound_at)
SELECT c.tenant_id, e.channel_id, c.lead_id, max(c.last_message_at)
FROM lead_contact c
JOIN enrollment e ON e.tenant_id = c.tenant_id AND e.assistant_id = c.assistant_id AND e.lead_id = c.lead_id
GROUP BY c.tenant_id, e.channel_id, c.lead_id;

DROP TABLE lead_contact;

-- Leads who asked for no more messages on a channel: nothing more is sent to them there until the row is
-- deleted (the lead opted in again).
CREATE TABLE lead_opt_out (
    tenant_id    uuid         NOT NULL,
    channel_id   varchar(100) NOT NULL,
    lead_id      varchar(100) NOT NULL,
    source       varchar(20)  NOT NULL CHECK (source IN ('stop_keyword', 'meta_131050', 'gupshup_1012', 'lead_opted_out')),
    detail       varchar(500),
    opted_out_at timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, channel_id, lead_id)
);
CREATE INDEX ix_lead_opt_out_tenant_time ON lead_opt_out (tenant_id, opted_out_at DESC, channel_id, lead_id);

-- Provider callbacks name the business number (Meta: our channel_id; Gupshup: the app) and the lead's phone,
-- never our lead_id: enrollments keep both to find the lead.
ALTER TABLE enrollment ADD COLUMN lead_phone varchar(16);
ALTER TABLE enrollment ADD COLUMN app_id varchar(255);

-- Existing rows: the phone as the intake accepted it (+ and 8-15 digits once separators are gone), the app of
-- the snapshot's steps (all steps of an enrollment share it; null when the lead's channel is not official).
UPDATE enrollment SET
    lead_phone = CASE WHEN regexp_replace(lead ->> 'phone', '[\s().-]', '', 'g') ~ '^\+[0-9]{8,15}$'
                      THEN regexp_replace(lead ->> 'phone', '[\s().-]', '', 'g') END,
    app_id = steps -> 0 ->> 'app_id';

CREATE INDEX ix_enrollment_channel_lead ON enrollment (tenant_id, channel_id, lead_id) WHERE status = 'active';
CREATE INDEX ix_enrollment_channel_phone ON enrollment (channel_id, lead_phone) WHERE lead_phone IS NOT NULL;
CREATE INDEX ix_enrollment_app_phone ON enrollment (app_id, lead_phone) WHERE app_id IS NOT NULL AND lead_phone IS NOT NULL;
