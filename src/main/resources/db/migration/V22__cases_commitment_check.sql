-- 告知承诺事后核查: a case approved on a commitment is PENDING until the department records whether it was TRUE or
-- FALSE; the department's list of checks to do reads the partial index.
ALTER TABLE cases_case ADD COLUMN commitment_check VARCHAR(8);
CREATE INDEX cases_case_commitment_check_idx ON cases_case (department_id, updated_at, id)
    WHERE commitment_check = 'PENDING';
