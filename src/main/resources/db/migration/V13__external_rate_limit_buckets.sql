-- Token buckets of the external API's rate limit, one per OAuth client and budget ("reads:<client>",
-- "writes:<client>"), shared by every instance. The table is Bucket4j's, as send_rate_bucket (V10) is: its PostgreSQL
-- proxy manager (select-for-update strategy) reads and writes exactly these columns. The key is built by the service
-- (io.followup.ratelimit.Budget): a prefix and the integrator's key, which is at most 300 characters (longer identities
-- are stored as their SHA-256), hence 307.
--
-- expires_at (epoch milliseconds) is when the bucket is full again; the service's clean-up deletes rows past it. It is
-- not indexed, on purpose: every request rewrites it, and an index on it would turn each of those updates (HOT, in
-- place, thanks to the fill factor) into an index write too, while the clean-up's scan every few minutes of one row
-- per active client is cheap.
CREATE TABLE api_rate_limit_bucket (
    id         varchar(307) PRIMARY KEY,
    state      bytea,
    expires_at bigint
) WITH (fillfactor = 70);
