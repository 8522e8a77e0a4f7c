import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as requests from '../db/queries/citation-requests.js';
import * as citations from '../db/queries/citations.js';
import * as notifications from '../db/queries/notifications.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { inTransaction } from './use-case.js';

/**
 * Who decides on requests about a country's passages: its focal points (and administrators),
 * `citation.decide`. To anyone else signed in, the country's review of the cycle does not exist
 * (`review.not_found`, as for every route under /reviews/{country}/{cycle}): another country's
 * focal point, the secretariat (which asks, and does not answer for the country), translators.
 */
export async function openCountryRequests(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
): Promise<{ actor: Actor; country: string; cycle: catalogue.CycleRow }> {
  if (!actor) throw new PacteError('auth.required');
  const country = target.country.toUpperCase();
  const cycle = await catalogue.findCycle(db, target.cycle);
  if (!cycle || !can(actor, 'citation.decide', { country, region: cycle.regionId }))
    throw new PacteError('review.not_found', { country, cycle: target.cycle });
  return { actor, country, cycle };
}

/** `GET /reviews/{country}/{cycle}/citation-requests`: the requests about the country's passages, pending first. */
export async function listCitationRequests(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
): Promise<{ country: string; cycle: string; requests: requests.CitationRequestRow[] }> {
  const { country, cycle } = await openCountryRequests(db, actor, target);
  return { country, cycle: cycle.id, requests: await requests.listForCountry(db, country, cycle.id) };
}

/**
 * `POST /reviews/{country}/{cycle}/citation-requests/{request}/approve` (or `/refuse`, with an
 * optional reason): a focal point of the country answers, once (`citation_request.decided`
 * after). Recorded on the request and in the audit log; the region's secretariat is notified.
 */
export async function decideCitationRequest(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; request: number },
  decision: { state: 'approved' | 'refused'; reason?: string | null },
): Promise<requests.CitationRequestRow> {
  const { actor: who, country, cycle } = await openCountryRequests(db, actor, target);
  return inTransaction(db, async (trx) => {
    const found = await requests.findRequest(trx, target.request, true);
    if (!found || found.country !== country || found.cycle !== cycle.id)
      throw new PacteError('citation_request.not_found', { request: target.request, country });
    if (found.state !== 'pending') throw new PacteError('citation_request.decided');
    const reason = decision.state === 'refused' ? decision.reason?.normalize('NFC').trim() || null : null;
    await requests.decideRequest(trx, found.id, { state: decision.state, by: who.name, reason });
    const where = { country, cycle: cycle.id, questionId: found.questionId };
    const details = { synthesis: found.synthesisId, citation: found.citationId, request: found.id };
    await recordAudit(trx, who, `citation.${decision.state === 'approved' ? 'approve' : 'refuse'}`, {
      ...where,
      details: { ...details, ...(reason ? { reason } : {}) },
    });
    const users = await citations.secretariatUsers(trx, cycle.regionId);
    await notifications.insertNotifications(trx, users, {
      kind: decision.state === 'approved' ? 'citation_approved' : 'citation_refused',
      ...where,
      details: { ...details, title: found.synthesisTitle },
    });
    const row = await requests.findRequest(trx, found.id);
    if (!row) throw new Error('a request just decided is read back');
    return row;
  });
}
