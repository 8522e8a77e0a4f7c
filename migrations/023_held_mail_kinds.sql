-- The focal points are e-mailed when the secretariat acknowledges or returns their submission
-- (issue 11, item 1: « acknowledgement … notified », « returned … notified »), as they already are
-- for a reminder; whoever chose the daily digest (021) gets these in it too, so held_mail takes
-- their kinds. Each kind's params are what its e-mail names (src/services/mail-focal-points.ts):
-- for an acknowledgement the submission's number and date, for a return its number and the
-- secretariat's reason as written.
alter table held_mail drop constraint held_mail_kind_check;
alter table held_mail add constraint held_mail_kind_check check (kind in (
  'reminder', 'submission_acknowledged', 'submission_returned'
));
