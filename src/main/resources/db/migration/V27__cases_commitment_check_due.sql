-- 告知承诺事后核查 with a due date: tongban.cases.commitment-check-days working days after the approval, computed by
-- the case (CommitmentCheck.dueOn) on the working-day calendar, which SQL does not have. Checks pending before this
-- have none (NULL): nobody set them a date, and the list shows them first, as older than every dated one.
ALTER TABLE cases_case ADD COLUMN commitment_check_due DATE;
DROP INDEX cases_case_commitment_check_idx;
CREATE INDEX cases_case_commitment_check_idx ON cases_case (department_id, commitment_check_due NULLS FIRST, id)
    WHERE commitment_check = 'PENDING';
