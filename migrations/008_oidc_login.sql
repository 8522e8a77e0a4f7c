-- OpenID Connect sign-in (optional, PACTE_OIDC_*): between the redirect to the identity
-- provider and its answer, the login's secrets wait here, not in the browser, so any app
-- instance behind the load balancer can finish it. The browser holds only a random key in a
-- short-lived cookie; only its SHA-256 is kept. A row is deleted when the answer comes back
-- (it works once) and is useless after expires_at (ten minutes); old rows are swept on insert.

create table oidc_login (
  key_hash      text primary key,
  state         text not null,
  nonce         text not null,
  code_verifier text not null,
  next_path     text not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null
);
create index oidc_login_by_expiry on oidc_login (expires_at);
