-- Names, not codes (issue 12, item 9): whoever invites someone knows their name, and the list of
-- pending invitations showed only an address. An invitation may carry the name of the person
-- invited (the same rule as an account's display name, migration 026): shown in that list, and
-- given to the account the invitation creates unless the person types another on the
-- acceptance page. Invitations made before have none.
alter table invitation add column name text;
alter table invitation add constraint invitation_name_check
  check (name is null or (char_length(name) between 1 and 120 and name !~ '[\r\n]'));
