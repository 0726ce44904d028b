-- Two staff inbox views read every open case of the department and filter afterwards: at a million cases the
-- market regulation bureau's 5,000 open cases lie on as many table pages, 14 ms a page of the view (docs/benchmarks.md,
-- "Cases"). Their own partial indexes give the page in due order at once. Neither takes a new application (no
-- assignee, no step role yet), so submitting writes no more index entries than before.

-- 我的待办 (MINE): the cases a member of staff has claimed.
CREATE INDEX cases_case_open_assignee_idx ON cases_case (assignee_id, due, id)
    WHERE status IN ('SUBMITTED', 'AWAITING_CORRECTION', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED')
      AND assignee_id IS NOT NULL;

-- 待认领 (UNASSIGNED): a department's steps of a role that nobody has claimed.
CREATE INDEX cases_case_open_unassigned_idx ON cases_case (department_id, step_role, due, id)
    WHERE status IN ('SUBMITTED', 'AWAITING_CORRECTION', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED')
      AND assignee_id IS NULL AND step_role IS NOT NULL;
