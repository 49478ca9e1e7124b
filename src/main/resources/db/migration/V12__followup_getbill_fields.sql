-- GetBill's further follow-up fields (issue 15). All of them are the integrator's to report: it sent
-- the email and tracks its opens and clicks, it knows whether a payment followed, and the media URLs
-- are its own. email_opened and email_clicked are not stored: they are email_open_count > 0 and
-- email_click_count > 0, so they cannot disagree with the counts. Existing rows get no opens, no
-- clicks, no payment and no expiry.
ALTER TABLE debt_followup
    ADD COLUMN triggered_payment     boolean     NOT NULL DEFAULT false,
    ADD COLUMN email_open_count      integer     NOT NULL DEFAULT 0,
    ADD COLUMN email_first_opened_at timestamptz,
    ADD COLUMN email_click_count     integer     NOT NULL DEFAULT 0,
    ADD COLUMN media_urls_expire_at  timestamptz,
    ADD CONSTRAINT ck_debt_followup_email_open_count CHECK (email_open_count >= 0),
    ADD CONSTRAINT ck_debt_followup_email_click_count CHECK (email_click_count >= 0),
    ADD CONSTRAINT ck_debt_followup_first_open_needs_opens CHECK (email_first_opened_at IS NULL OR email_open_count > 0),
    ADD CONSTRAINT ck_debt_followup_expiry_needs_media
        CHECK (media_urls_expire_at IS NULL OR audio_url IS NOT NULL OR pdf_url IS NOT NULL);
