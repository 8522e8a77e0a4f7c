-- The regional synthesis's requests to quote (migration 033) tell people: a country's focal
-- points are asked (citation_approval_requested), the region's secretariat is told the answer
-- (citation_approved, citation_refused). Kinds as after migration 034, plus these three.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check check (kind in (
  'assigned', 'returned', 'due_soon', 'submitted', 'approved',
  'submission_acknowledged', 'submission_comment', 'submission_returned',
  'reminder',
  'overdue', 'answer_submitted', 'assignment_changed', 'unassigned',
  'practice_proposed', 'practice_in_review', 'practice_published', 'practice_returned',
  'citation_approval_requested', 'citation_approved', 'citation_refused'
));
