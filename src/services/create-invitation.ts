import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import * as invitations from '../db/queries/invitations.js';
import type { InvitationRow } from '../db/queries/invitations.js';
import type { Database } from '../db/schema.js';
import { checkDisplayName } from '../domain/display-name.js';
import { PacteError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { checkGrant, type NewGrant } from './add-user.js';
import { recordAudit } from './audit.js';
import { mayManage, regionsOfCountries } from './invitation-scope.js';
import { sendInvitation } from './send-invitation.js';
import type { Mailer } from './send-mail.js';
import { newToken, tokenDigest } from './tokens.js';
import { inTransaction } from './use-case.js';

/** How long an invitation's link works: long enough for someone away for a few days. */
export const INVITATION_DAYS = 7;

/**
 * Pending invitations one person may have at once: far more than a country's team, and a bound
 * on the e-mails one account can make Pacte send to addresses of its choosing.
 */
export const MAX_PENDING_INVITATIONS = 200;

/**
 * Invites someone to a role (docs/regional.md, People): a secretariat the focal points and
 * validators of its region's countries, a focal point the contributors and stakeholders of its
 * country's entities, an administrator anyone. A new invitation to the same address and role
 * replaces the pending one. The link is e-mailed when an SMTP server is configured, after the
 * invitation has committed; otherwise (or if the server refuses it) it is answered (`link`),
 * for the inviter to hand over. Only the token's SHA-256 is stored.
 */
export async function createInvitation(
  db: Kysely<Database>,
  by: Actor | null,
  input: { email: string; grant: NewGrant; name?: string | null | undefined },
  delivery: {
    /** The page that accepts the invitation, made by the front door. */
    linkFor: (token: string) => string;
    /** The SMTP server's mailer, when one is configured. */
    mailer?: Mailer | undefined;
    /** The language of the e-mail: the inviter's. */
    language: Language;
  },
): Promise<{ invitation: InvitationRow; link: string | null; sent: boolean }> {
  if (!by) throw new PacteError('auth.required');
  const email = input.email.trim();
  const grant = await checkGrant(db, input.grant);
  if (!mayManage(by, grant, await regionsOfCountries(db))) {
    throw new PacteError('auth.forbidden', { action: 'people.manage', role: grant.role, country: grant.country });
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email)) throw new PacteError('user.invalid_email', { email });
  // The person's name, as the inviter knows it (optional; user.invalid_name as for an account).
  const name = checkDisplayName(input.name, false);
  const token = newToken();
  const invitation = await inTransaction(db, async (trx) => {
    const existing = await accounts.findUserByEmail(trx, email);
    if (existing && !existing.disabled) {
      const held = await accounts.findGrants(trx, existing.id);
      const same = held.some(
        (g) =>
          g.role === grant.role &&
          g.country === grant.country &&
          g.region === grant.region &&
          g.entity === grant.entity,
      );
      if (same) throw new PacteError('invitation.already_granted', { email });
    }
    const replaced = await invitations.revokePendingFor(trx, email, grant);
    const pending = await invitations.countPendingBy(trx, by.name);
    if (pending >= MAX_PENDING_INVITATIONS) {
      throw new PacteError('invitation.too_many', { pending, limit: MAX_PENDING_INVITATIONS });
    }
    const row = await invitations.insertInvitation(trx, {
      tokenHash: tokenDigest(token),
      email,
      name,
      grant,
      invitedBy: by.userId,
      invitedByName: by.name,
      days: INVITATION_DAYS,
    });
    await recordAudit(trx, by, 'invitation.created', {
      ...(grant.country ? { country: grant.country } : {}),
      details: { invitationId: row.id, email, role: grant.role, region: grant.region, entity: grant.entity, replaced },
    });
    return row;
  });
  const link = delivery.linkFor(token);
  const { sent } = await sendInvitation(
    { email, grant, link, invitedBy: by.name, expiresAt: invitation.expiresAt },
    delivery.mailer,
    delivery.language,
  );
  return { invitation, link: sent ? null : link, sent };
}
