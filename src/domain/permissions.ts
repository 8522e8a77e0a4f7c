/**
 * Who may do what, country by country. One function, `can`, used by every service that acts
 * on behalf of someone; front doors never decide this themselves.
 */
export const ROLES = ['admin', 'secretariat', 'focal_point', 'validator', 'contributor', 'stakeholder'] as const;
export type Role = (typeof ROLES)[number];

/** One role of one person, with its scope (see migrations/004_accounts.sql). */
export interface Grant {
  role: Role;
  country: string | null;
  region: string | null;
  entity: number | null;
}

/** Whoever acts: a signed-in user, or the server's operator at the command line. */
export interface Actor {
  userId: number | null;
  /** Recorded in revisions and logs: an e-mail address, or `cli:<system user>`. */
  name: string;
  grants: Grant[];
}

export type Action =
  /** Store a review file as the review of a country. */
  | 'review.import'
  /** Create accounts and give roles. */
  | 'user.manage';

export interface Scope {
  country?: string;
}

export function can(actor: Actor | null, action: Action, scope: Scope = {}): boolean {
  if (!actor) return false;
  return actor.grants.some((grant) => {
    if (grant.role === 'admin') return true;
    switch (action) {
      case 'review.import':
        return grant.role === 'focal_point' && scope.country !== undefined && grant.country === scope.country;
      case 'user.manage':
        return false;
    }
  });
}

/** The operator at the server's command line: whoever can run `pacte` there may do anything. */
export function operator(systemUser: string): Actor {
  return {
    userId: null,
    name: `cli:${systemUser}`,
    grants: [{ role: 'admin', country: null, region: null, entity: null }],
  };
}
