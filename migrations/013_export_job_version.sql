-- An export job may ask for one published version of a review (GET …/export?version=N, as the
-- other formats can): without it a PDF of an older version would silently be of the latest.
-- Null: the latest, or the working copy for those who may read it.
alter table export_job add column version integer check (version >= 1);
