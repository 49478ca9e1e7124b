-- A job has a lease owner exactly while it runs. The engine's writes after a claim find a job by ID
-- and lease owner alone, relying on this, so that their plans always use the primary key.
-- NOT VALID then VALIDATE: existing rows are checked without blocking writes to the table meanwhile.
ALTER TABLE job ADD CONSTRAINT ck_job_lease_while_running CHECK ((status = 'running') = (lease_owner IS NOT NULL)) NOT VALID;
ALTER TABLE job VALIDATE CONSTRAINT ck_job_lease_while_running;
