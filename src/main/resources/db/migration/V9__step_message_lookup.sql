-- Provider statuses name a message by the ID the provider gave it, which the sent step keeps in the enrollment's
-- steps jsonb; this index makes `steps @> '[{"provider_message_id": ...}]'` a lookup instead of a scan of every
-- enrollment. jsonb_path_ops indexes containment only, which is all the lookup uses, and is the smaller kind.
CREATE INDEX ix_enrollment_steps ON enrollment USING gin (steps jsonb_path_ops);
