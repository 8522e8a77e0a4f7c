-- Whether a country lets its regional secretariat see its progress before submitting (issue 11,
-- tracking): the focal point decides, for each review. Off by default: what a country writes is
-- its own until it sends it, and even when shared the secretariat only sees counts of answered
-- questions by section, never text. Once submitted, the counts are shown whatever this says.
alter table review add column share_progress boolean not null default false;
