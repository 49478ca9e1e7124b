-- A follow-up belongs to a debt of its own company, and the schema now says so: the foreign key
-- names the debt and the company together. The insert itself refuses another company's debt, so a
-- create needs no lookup of the debt first; the single-column key it replaces is implied by it.
ALTER TABLE debt ADD CONSTRAINT uq_debt_id_company UNIQUE (id, company_id);

ALTER TABLE debt_followup
    ADD CONSTRAINT fk_debt_followup_debt_company FOREIGN KEY (debt_id, company_id) REFERENCES debt (id, company_id),
    DROP CONSTRAINT debt_followup_debt_id_fkey;
