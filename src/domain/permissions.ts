/**
 * Who may do what, country by country. One function, `can`, used by every service that acts
 * on behalf of someone; front doors never decide this themselves. The table of who holds each
 * action is in docs/workspace.md; test/unit/permissions.test.ts and the role × endpoint matrix
 * test (test/integration/authorisation.test.ts) hold it.
 */
export const ROLES = [
  'admin',
  'secretariat',
  'focal_point',
  'validator',
  'contributor',
  'stakeholder',
  'translator',
] as const;
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
  /** Read a review that is not published (its answers, status, dashboard, history). */
  | 'review.read'
  /** Move a review along its workflow (open the consultation, validate, submit, publish). */
  | 'review.move'
  /** Publish a review whatever its state (a past review imported from its published PDF). */
  | 'review.publish_any'
  /** Write the consolidated answer, merge contributions, confirm objectives. */
  | 'answer.edit'
  /** Approve an answer, or return it with a comment. */
  | 'answer.decide'
  /** Re-open an approved answer, with a reason. */
  | 'answer.reopen'
  /** Assign questions to entities, with due dates. */
  | 'assignment.manage'
  /** Read an entity's contributions (or a stakeholder's inputs). */
  | 'contribution.read'
  /** Write and submit the contribution of one's own entity. */
  | 'contribution.write'
  /** Comment on an answer. */
  | 'comment.write'
  /** Create entities of a country. */
  | 'entity.manage'
  /** Create accounts and give roles. */
  | 'user.manage'
  /** Change a country's settings, such as waiving the separation of duties (administrators). */
  | 'country.settings'
  /** Read the audit log of a country's reviews. */
  | 'audit.read'
  /** Create, edit, open and close the review cycles of a region (its secretariat). */
  | 'cycle.manage'
  /** Read what a country submitted: its answers (its team, its region's secretariat and translators). */
  | 'submission.read'
  /**
   * Follow the exchange around submissions: transmittal notes, comments, return reasons, the
   * cycle's tracking and list of submissions (the country's team and its region's secretariat;
   * not translators, who translate the answers and nothing else).
   */
  | 'submission.follow'
  /** Acknowledge receipt of a submission (the region's secretariat). */
  | 'submission.acknowledge'
  /** Comment on a submission (the region's secretariat). */
  | 'submission.comment'
  /** Return a submitted review to the country, with a reason (the region's secretariat). */
  | 'submission.return'
  /** Translate a submitted answer into another language of the cycle (the region's secretariat and translators). */
  | 'translation.write'
  /** Read a cycle's regional syntheses and their citations (the region's secretariat and translators). */
  | 'synthesis.read'
  /** Write a cycle's syntheses, cite passages, ask countries to approve quotes (the region's secretariat). */
  | 'synthesis.write'
  /** Approve or refuse that a synthesis quotes the country's passage to the public (its focal points). */
  | 'citation.decide'
  /**
   * Invite someone to a role, list and revoke invitations, disable and enable a role: within the
   * roles one manages (MANAGES), for the country and region of the scope; `scope.role` is the role.
   */
  | 'people.manage'
  /** Read the practices of a country that are not published (its team, its region's secretariat). */
  | 'practice.read'
  /** Propose a practice of one's country, edit it while it is with the country, propose it again. */
  | 'practice.propose'
  /** Take a proposed practice into review, publish it or return it with a comment (the region's secretariat). */
  | 'practice.review';

export interface Scope {
  country?: string;
  /** The region of the country (secretariats read the reviews of their region). */
  region?: string;
  entity?: number;
  /** The review's status, where an action depends on it. */
  status?: string;
  /** The role given, disabled or enabled (people.manage). */
  role?: Role;
}

/**
 * Statuses in which a regional secretariat may read a review's working copy: published only. What
 * a country submitted, the secretariat reads from its submissions (migration 015), which stay
 * when the country takes its review back.
 */
const SECRETARIAT_READS = new Set(['published']);

/** What a secretariat does with the submissions of its region's countries. */
const SECRETARIAT_ACTIONS = new Set<Action>([
  'submission.read',
  'submission.follow',
  'submission.acknowledge',
  'submission.comment',
  'submission.return',
  'cycle.manage',
  'translation.write',
  'practice.read',
  'practice.review',
  'synthesis.read',
  'synthesis.write',
]);

/**
 * What a translator of a region does (migration 031): it reads the answers the region's countries
 * submitted, to translate them, and writes translations; it does not follow the exchange between
 * the countries and the secretariat (notes, comments, reasons, tracking), acknowledge, return,
 * manage cycles, people or reminders, and never reads a working copy. It reads the region's
 * syntheses (to translate an edition), and does not write them.
 */
const TRANSLATOR_ACTIONS = new Set<Action>(['submission.read', 'translation.write', 'synthesis.read']);

/** The roles of a country's own team, by action; admins may do everything. */
const COUNTRY_ROLES: Record<Action, readonly Role[]> = {
  'review.import': ['focal_point'],
  'review.read': ['focal_point', 'validator'],
  'review.move': ['focal_point'],
  'review.publish_any': [],
  'answer.edit': ['focal_point'],
  'answer.decide': ['focal_point', 'validator'],
  'answer.reopen': ['focal_point'],
  'assignment.manage': ['focal_point'],
  'contribution.read': ['focal_point', 'validator'],
  'contribution.write': [],
  'comment.write': ['focal_point', 'validator'],
  'entity.manage': ['focal_point'],
  'user.manage': [],
  'country.settings': [], // administrators only: a waiver of a rule is not the team's own call
  'audit.read': ['focal_point'],
  'cycle.manage': [], // a region's secretariat (SECRETARIAT_ACTIONS)
  'submission.read': ['focal_point', 'validator'],
  'submission.follow': ['focal_point', 'validator'],
  'submission.acknowledge': [],
  'submission.comment': [],
  'submission.return': [],
  'translation.write': [], // a region's secretariat and translators, never the country's own team
  'people.manage': [], // decided by MANAGES, since it depends on the role managed
  'practice.read': ['focal_point', 'validator'],
  'practice.propose': ['focal_point'],
  'practice.review': [], // the region's secretariat (SECRETARIAT_ACTIONS)
  'synthesis.read': [], // a region's secretariat and translators
  'synthesis.write': [], // a region's secretariat
  'citation.decide': ['focal_point'], // what leaves the country is the focal point's call (as review.move)
};

/**
 * Whose roles each role manages (people.manage), so that staff turnover does not wait for an
 * administrator: a regional secretariat, the focal points and validators of its region's
 * countries; a focal point, the contributors and stakeholders of its own country's entities.
 */
const MANAGES: Partial<Record<Role, readonly Role[]>> = {
  secretariat: ['focal_point', 'validator', 'translator'],
  focal_point: ['contributor', 'stakeholder'],
};

function manages(grant: Grant, scope: Scope): boolean {
  if (scope.role === undefined || !(MANAGES[grant.role] ?? []).includes(scope.role)) return false;
  // A translator belongs to a region, not to a country: its region's secretariat manages it.
  if (scope.role === 'translator') return grant.role === 'secretariat' && grant.region === scope.region;
  if (scope.country === undefined) return false;
  if (grant.role === 'secretariat') return scope.region !== undefined && grant.region === scope.region;
  return grant.country === scope.country && scope.entity !== undefined;
}

/** The actions members of an entity (contributors, stakeholders) hold for their own entity. */
const ENTITY_ACTIONS = new Set<Action>(['contribution.read', 'contribution.write']);

export function can(actor: Actor | null, action: Action, scope: Scope = {}): boolean {
  if (!actor) return false;
  return actor.grants.some((grant) => {
    if (grant.role === 'admin') return true;
    if (action === 'people.manage') return manages(grant, scope);
    if (grant.role === 'secretariat') {
      if (scope.region === undefined || grant.region !== scope.region) return false;
      return SECRETARIAT_ACTIONS.has(action) || (action === 'review.read' && SECRETARIAT_READS.has(scope.status ?? ''));
    }
    if (grant.role === 'translator') {
      return scope.region !== undefined && grant.region === scope.region && TRANSLATOR_ACTIONS.has(action);
    }
    if (scope.country === undefined || grant.country !== scope.country) return false;
    if (grant.role === 'contributor' || grant.role === 'stakeholder') {
      return ENTITY_ACTIONS.has(action) && scope.entity !== undefined && grant.entity === scope.entity;
    }
    return COUNTRY_ROLES[action].includes(grant.role);
  });
}

/** Whether the actor manages anyone's roles (an administrator, a secretariat, a focal point). */
export function managesPeople(actor: Actor | null): boolean {
  return (actor?.grants ?? []).some((grant) => grant.role === 'admin' || MANAGES[grant.role] !== undefined);
}

/** Whether the review may be seen at all: published ones by everyone, others by those who may read them. */
export function canSeeReview(actor: Actor | null, scope: Required<Pick<Scope, 'country' | 'region' | 'status'>>) {
  return scope.status === 'published' || can(actor, 'review.read', scope);
}

/** The entities of the country the actor writes for (as contributor or stakeholder). */
export function entitiesOf(actor: Actor | null, country: string): number[] {
  return (actor?.grants ?? [])
    .filter((g) => (g.role === 'contributor' || g.role === 'stakeholder') && g.country === country && g.entity !== null)
    .map((g) => g.entity as number);
}

/** The operator at the server's command line: whoever can run `pacte` there may do anything. */
export function operator(systemUser: string): Actor {
  return {
    userId: null,
    name: `cli:${systemUser}`,
    grants: [{ role: 'admin', country: null, region: null, entity: null }],
  };
}
