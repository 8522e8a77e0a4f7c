/** Accounts and sessions as the API answers them: only what a client may know of a person. */
import type { Grant } from '../../domain/permissions.js';

export const presentGrant = (grant: Grant) => ({
  role: grant.role,
  country: grant.country,
  region: grant.region,
  entity: grant.entity,
});

/** An account on the administrators' screen (never its password hash). */
export const presentUser = (user: {
  id: number;
  email: string;
  name: string | null;
  disabled: boolean;
  grants: Grant[];
}) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  grants: user.grants.map(presentGrant),
  disabled: user.disabled,
});
