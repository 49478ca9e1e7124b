-- Token buckets of the send rate per sender number (Meta phone_number_id, Gupshup source), shared by every
-- instance. The table is Bucket4j's: its PostgreSQL proxy manager (bucket4j_jdk17-postgresql, select-for-update
-- strategy) reads and writes exactly these columns: the key, the serialized bucket state and, unused here,
-- the expiry in epoch milliseconds that its optional clean-up reads. The key is written by the service from its
-- own settings ("meta:<phone_number_id>", "gupshup:<source>"), never from request text.
CREATE TABLE send_rate_bucket (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
