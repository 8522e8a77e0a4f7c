-- Names, not codes (issue 12, item 9): each account may carry the name people know its holder by
-- (« Nadia Benali »), shown instead of its e-mail address wherever an author is named (revisions,
-- comments, the audit log…). Given by `pacte user add --name`, by an administrator, or by the
-- person when accepting an invitation; accounts made before have none, and are shown by their
-- address until they get one. At most 120 characters, no line breaks (src/domain/display-name.ts).
alter table user_account add column display_name text;
alter table user_account add constraint user_account_display_name_check
  check (display_name is null or (char_length(display_name) between 1 and 120 and display_name !~ '[\r\n]'));
