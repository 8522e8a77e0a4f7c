import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { copyQuestionnaire } from '../../src/services/copy-questionnaire.js';
import { versionBody } from '../support/questionnaire-story.js';
import { addEntity } from '../../src/services/add-entity.js';
import { createCountryGroup } from '../../src/services/create-country-group.js';
import { installDefaultCodes } from '../../src/services/save-code.js';
import { proposePractice } from '../../src/services/propose-practice.js';
import { isPacteError } from '../../src/domain/errors.js';
import { cookieHeader, multipart, signInToken } from '../support/accounts.js';
import { seedBytes, waitUntil } from '../support/pacte.js';
import { addPerson, PASSWORD, PERSONAS, createWorld, type Persona, type World } from '../support/personas.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The role × endpoint matrix (issue 4): every operation of the API, as the app's own OpenAPI
 * document lists them, tried by every persona and by an anonymous client, while Morocco's
 * review is a draft, in consultation, submitted, and published. The expected outcome of each
 * cell comes from the rule of its row, written from docs/workspace.md (who may do what) and the
 * issue's contract (someone who may not see an unpublished review gets 404 `review.not_found`,
 * as if it did not exist) — never from what the server answered. An operation without a row
 * fails the test: a new route must say who may call it.
 *
 * Outcome classes: `ok` — 2xx, or a business-rule refusal (409, 422, 400 other than a malformed
 * request) once authorisation passed; `forbidden` — 401 or 403; `hidden` — 404 review.not_found.
 * Any other 404 means the matrix asked for something missing: it never matches.
 *
 * The pages (/ and /reviews/MAR/arab-2021, with the session cookie) follow the same rule.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;

/** Columns: the world's personas, an anonymous client, and `idle` — a contributor of a Moroccan entity given nothing. */
type Who = Persona | 'anonymous' | 'idle';
/** Refused cells first, so that a request wrongly let through shows before the allowed ones change the state. */
const WHO: readonly Who[] = [
  'anonymous',
  'focalTun',
  'idle',
  'secretariat',
  'stakeholder',
  'contributorB',
  'contributorA',
  'validator',
  'focal',
  'admin',
];
const tokens = {} as Record<Who, string | null>;

type Phase = 'draft' | 'in_consultation' | 'submitted' | 'published';
type Outcome = 'ok' | 'forbidden' | 'hidden';

const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const PAGE = '/reviews/MAR/arab-2021';
const answer = (q: string) => `${REVIEW}/answers/${q}`;
/** I.a is given to the Ministry of the Interior (contributorA), I.b to the Planning Commission (contributorB). */
const Q_A = 'I.a';
const Q_B = 'I.b';
/** Answers the focal point edits, moves and restores in the matrix. */
const Q_EDIT = 'I.c';
const Q_MOVE = 'II.a';
/** A question given to the Planning Commission before each cell of the withdrawal row. */
const Q_WITHDRAW = 'V.a';

/** What the setup made, that requests name. */
const ids = {
  /** A version of arab-2021 of the Arab region's, not used by any cycle: its secretariat edits it. */
  draft: 0,
  draftBody: {} as object,
  reviewId: 0,
  questionnaire: '',
  health: 0,
  evidence: 0,
  /** A file of the Interior's contribution, uploaded afresh before each cell of the removal and replacement rows. */
  removable: 0,
  contributionB: 0,
  /** A validator of Morocco whom the disable and enable rows switch off and on. */
  leaving: 0,
  /** A pending invitation, made afresh before each cell of the revocation row. */
  invitation: 0,
};

const paragraph = (text: string): Block[] => [{ type: 'paragraph', text }];
const CSV = new TextEncoder().encode('indicateur,valeur\nmigrants,42\n');

// ── the people ───────────────────────────────────────────────────────────────────────────────

const TEAM: Who[] = ['admin', 'focal', 'validator'];
/** Members of Moroccan entities with something to do in the review (an assignment, an input). */
const ENTITY_MEMBERS: Who[] = ['contributorA', 'contributorB', 'stakeholder'];
const CLOSED = (phase: Phase) => phase === 'submitted' || phase === 'published';

/**
 * Who holds review.read: the country's team, and the region's secretariat once published (before
 * that, the secretariat reads what the country submitted, never the working copy).
 */
const readers = (phase: Phase): Who[] => [...TEAM, ...(phase === 'published' ? (['secretariat'] as Who[]) : [])];
/** Who reads a review's submissions: its team, and the region's secretariat once it was submitted. */
const submissionReaders = (phase: Phase): Who[] => [...TEAM, ...(CLOSED(phase) ? (['secretariat'] as Who[]) : [])];
/** Who may know the review exists: its readers, and everyone once published. */
const seers = (phase: Phase): Who[] => (phase === 'published' ? [...WHO] : readers(phase));
const except = (excluded: readonly Who[]): Who[] => WHO.filter((w) => !excluded.includes(w));

interface Rule {
  /** Who gets through authorisation (`ok`). */
  allowed: readonly Who[];
  /** Who gets 404 review.not_found. Everyone else is `forbidden`. */
  hiddenFrom: readonly Who[];
}
/** Anyone, signed in or not. */
const anyone = (): Rule => ({ allowed: WHO, hiddenFrom: [] });
/** Anyone signed in. */
const signedIn = (): Rule => ({ allowed: except(['anonymous']), hiddenFrom: [] });
/** Not about one review: those allowed, everyone else refused. */
const only = (...allowed: Who[]): Rule => ({ allowed, hiddenFrom: [] });
/** A review's route: hidden from whoever may not know the review exists. */
const onReview = (phase: Phase, allowed: readonly Who[]): Rule => ({ allowed, hiddenFrom: except(seers(phase)) });
/** A route that also admits the review's entity members (contributions, comments): they are refused, not hidden. */
const onReviewOrEntity = (phase: Phase, allowed: readonly Who[]): Rule => ({
  allowed,
  hiddenFrom: except([...seers(phase), ...ENTITY_MEMBERS]),
});
/** A submission's route: hidden from whoever may neither know the review exists nor read its submissions. */
const onSubmissions = (phase: Phase, allowed: readonly Who[]): Rule => ({
  allowed,
  hiddenFrom: except([...seers(phase), ...submissionReaders(phase)]),
});
/** Who acts on a submission: the region's secretariat once there is one (and administrators). */
const submissionActors = (phase: Phase): Who[] => (CLOSED(phase) ? ['admin', 'secretariat'] : ['admin']);
/** A question's page: hidden from whoever may not open it (contributors see only the questions given to them). */
const questionPage = (allowed: readonly Who[]): Rule => ({ allowed, hiddenFrom: except(allowed) });

// ── the matrix ───────────────────────────────────────────────────────────────────────────────

interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object | Buffer;
  headers?: Record<string, string>;
  /** Replaces the persona's own bearer token (a session made for the cell). */
  token?: string | null;
}
interface Row {
  /** METHOD and path template, as in the OpenAPI document. */
  op: string;
  rule: (phase: Phase) => Rule;
  request: (who: Who, phase: Phase) => Request | Promise<Request>;
  /** Puts back, before each cell, what an allowed cell before it used up. */
  before?: (phase: Phase) => Promise<void>;
}

const get = (url: string): Request => ({ method: 'GET', url });

/** An export job of the administrator's, finished, one per phase. */
const adminJobs = new Map<Phase, Promise<string>>();
function adminJob(phase: Phase): Promise<string> {
  let job = adminJobs.get(phase);
  if (!job) {
    job = (async () => {
      const created = await call('admin', 'POST', '/api/v1/exports', {
        country: 'MAR',
        cycle: 'arab-2021',
        format: 'csv',
      });
      const id = created.json().id as string;
      await waitUntil(
        `export job ${id}`,
        async () => (await call('admin', 'GET', `/api/v1/jobs/${id}`)).json().status === 'done',
      );
      return id;
    })();
    adminJobs.set(phase, job);
  }
  return job;
}

async function revisionOf(questionId: string): Promise<number> {
  const row = await t.storage.db
    .selectFrom('answer')
    .select('revision')
    .where('review_id', '=', ids.reviewId)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
  return row?.revision ?? 0;
}

async function contributionRevision(questionId: string, entityId: number): Promise<number> {
  const row = await t.storage.db
    .selectFrom('contribution')
    .select('revision')
    .where('review_id', '=', ids.reviewId)
    .where('question_id', '=', questionId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return row?.revision ?? 0;
}

const contribution = (rest = '') => `${answer(Q_A)}/contributions/${world.entities.interior}${rest}`;

/** A practice of Morocco's in arab-2021, as a focal point proposes it. */
const practiceFields = (title: string) => ({ title, summary: 'Une pratique de la matrice.', scope: 'national' });
const practiceBody = (title: string) => ({
  cycle: 'arab-2021',
  country: 'MAR',
  language: 'fr',
  ...practiceFields(title),
});
/** The practice the matrix reads and moves: made once, put back to « proposed » before each cell. */
let practiceMade: Promise<number> | undefined;
async function proposedPractice(): Promise<number> {
  practiceMade ??= proposePractice(t.storage.db, operator('test'), {
    cycle: 'arab-2021',
    country: 'MAR',
    language: 'fr',
    fields: practiceFields('La pratique de la matrice'),
  }).then((p) => p.id);
  const id = await practiceMade;
  await t.storage.db.updateTable('practice').set({ state: 'proposed' }).where('id', '=', id).execute();
  return id;
}
/** A practice that is not published: hidden from whoever may not read it (its country's team, its region's secretariat). */
const onPractice = (allowed: readonly Who[]): Rule => ({
  allowed,
  hiddenFrom: except(['admin', 'focal', 'validator', 'secretariat']),
});

/** The country group the matrix edits and deletes, put back before each cell. */
const GROUP = { id: 'matrix', names: { fr: 'Matrice', en: 'Matrix', ar: 'مصفوفة' }, countries: ['MAR'] };
async function groupExists(): Promise<void> {
  await createCountryGroup(t.storage.db, operator('test'), 'arab', GROUP).catch((error: unknown) => {
    if (!isPacteError(error) || error.code !== 'group.exists') throw error;
  });
}

/** Pacte's default codes on arab-2021 (I.a, II.a, V.a), for the rows that read or change one. */
async function codesExist(): Promise<void> {
  await installDefaultCodes(t.storage.db, operator('test'), 'arab-2021');
}
const CODE = {
  kind: 'single',
  names: { fr: 'Plan national', en: 'National plan', ar: 'خطة وطنية' },
  values: [
    { key: 'yes', labels: { fr: 'Oui', en: 'Yes', ar: 'نعم' } },
    { key: 'no', labels: { fr: 'Non', en: 'No', ar: 'لا' } },
  ],
};

/** A synthesis of arab-2021 citing Morocco's I.a, and a pending request about it, for the synthesis rows. */
const synthesisIds = { synthesis: 0, citation: 0, request: 0 };
async function citationRequestPending(): Promise<void> {
  const db = t.storage.db;
  if (synthesisIds.synthesis === 0) {
    const created = await db
      .insertInto('synthesis')
      .values({ cycle_id: 'arab-2021', language: 'fr', title: 'Matrice', created_by: 'test', updated_by: 'test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    synthesisIds.synthesis = Number(created.id);
    const passage = {
      source: { kind: 'submission', country: 'MAR', cycle: 'arab-2021', number: 1 },
      questionId: 'I.a',
      position: { block: [0], start: 0, end: 1 },
      text: 'x',
    };
    const citation = await db
      .insertInto('citation')
      .values({
        synthesis_id: created.id,
        country_code: 'MAR',
        submission_number: 1,
        question_id: 'I.a',
        passage: JSON.stringify(passage),
        created_by: 'test',
        updated_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    synthesisIds.citation = Number(citation.id);
  }
  const pending = await db
    .selectFrom('citation_request')
    .select('id')
    .where('citation_id', '=', String(synthesisIds.citation))
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (pending) {
    synthesisIds.request = Number(pending.id);
    return;
  }
  const request = await db
    .insertInto('citation_request')
    .values({
      citation_id: String(synthesisIds.citation),
      passage: db.selectFrom('citation').select('passage').where('id', '=', String(synthesisIds.citation)),
      requested_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  synthesisIds.request = Number(request.id);
}
const SYNTHESIS_URL = () => `/api/v1/cycles/arab-2021/syntheses/${synthesisIds.synthesis}`;
/** A published version of the rows' synthesis (migration 036), for the rows that read versions. */
async function synthesisPublished(): Promise<void> {
  await citationRequestPending();
  const db = t.storage.db;
  const id = String(synthesisIds.synthesis);
  const found = await db
    .selectFrom('synthesis_version')
    .select('version')
    .where('synthesis_id', '=', id)
    .executeTakeFirst();
  if (found) return;
  await db
    .insertInto('synthesis_version')
    .values({
      synthesis_id: id,
      version: 1,
      revision: 0,
      title: 'Matrice',
      language: 'fr',
      document: JSON.stringify({ type: 'doc', content: [] }),
      citations: '[]',
      figures: '[]',
      published_by: 'test',
    })
    .execute();
}
const CITATION_URL = () => `${SYNTHESIS_URL()}/citations/${synthesisIds.citation}`;
const CITATION_REQUESTS = '/api/v1/reviews/MAR/arab-2021/citation-requests';
/** The region's secretariat (and administrators) write syntheses; to anyone else signed in the cycle does not exist. */
const synthesisWriters = (): Rule => ({
  allowed: ['admin', 'secretariat'],
  hiddenFrom: except(['admin', 'secretariat', 'anonymous']),
});
/** Morocco's focal point (and administrators) decide on quotes of Morocco's passages; for anyone else the review does not exist. */
const quoteDeciders = (): Rule => ({
  allowed: ['admin', 'focal'],
  hiddenFrom: except(['admin', 'focal', 'anonymous']),
});
const A_PASSAGE = {
  passage: {
    source: { kind: 'submission', country: 'MAR', cycle: 'arab-2021', number: 1 },
    questionId: 'I.a',
    position: { block: [0], start: 0, end: 4 },
    text: 'Rien',
  },
};

const ROWS: Row[] = [
  // Public reading and the catalogue.
  { op: 'GET /api/v1/reviews', rule: anyone, request: () => get('/api/v1/reviews') },
  // Anyone may search; the results hold only what the caller may see (test/integration/search.test.ts).
  { op: 'GET /api/v1/search', rule: anyone, request: () => get('/api/v1/search?q=migration') },
  {
    op: 'GET /api/v1/questionnaires/{id}',
    rule: anyone,
    request: () => get(`/api/v1/questionnaires/${ids.questionnaire}`),
  },
  { op: 'GET /api/v1/objectives', rule: anyone, request: () => get('/api/v1/objectives') },
  { op: 'GET /api/v1/principles', rule: anyone, request: () => get('/api/v1/principles') },
  { op: 'GET /api/v1/countries', rule: anyone, request: () => get('/api/v1/countries') },

  // Sessions and accounts.
  {
    op: 'POST /api/v1/session',
    rule: anyone,
    request: () => ({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: PERSONAS.focal.email, password: PASSWORD },
    }),
  },
  { op: 'GET /api/v1/session', rule: signedIn, request: () => get('/api/v1/session') },
  { op: 'GET /api/v1/session/providers', rule: anyone, request: () => get('/api/v1/session/providers') },
  // One's own e-mail preferences (migration 021): anyone signed in, for themselves only.
  { op: 'GET /api/v1/session/preferences', rule: signedIn, request: () => get('/api/v1/session/preferences') },
  {
    op: 'PUT /api/v1/session/preferences',
    rule: signedIn,
    request: () => ({
      method: 'PUT',
      url: '/api/v1/session/preferences',
      payload: { mailDelivery: 'immediate', language: null },
    }),
  },
  {
    // Signing out ends the session it is sent with: each cell signs in afresh first.
    op: 'DELETE /api/v1/session',
    rule: anyone,
    request: async (who) => ({
      method: 'DELETE',
      url: '/api/v1/session',
      token: who === 'anonymous' ? null : await signInToken(app, emailOf(who), PASSWORD),
    }),
  },
  {
    op: 'POST /api/v1/password-reset',
    rule: anyone, // a one-time token is the credential: a wrong one is a business refusal (400)
    request: () => ({
      method: 'POST',
      url: '/api/v1/password-reset',
      payload: { token: 'not-a-reset-token-of-anyone', password: 'another horse battery staple' },
    }),
  },
  { op: 'GET /api/v1/users', rule: () => only('admin'), request: () => get('/api/v1/users') },
  // A country's settings (migration 024): read by its team, the waiver of the separation of duties set by
  // administrators only. The cells set it to what it is (off), so that no cell changes the others' answers.
  {
    op: 'GET /api/v1/countries/{country}/settings',
    rule: () => only('admin', 'focal', 'validator'),
    request: () => get('/api/v1/countries/MAR/settings'),
  },
  {
    op: 'PUT /api/v1/countries/{country}/settings',
    rule: () => only('admin'),
    request: () => ({ method: 'PUT', url: '/api/v1/countries/MAR/settings', payload: { selfApproval: false } }),
  },

  // People (docs/regional.md): the Arab secretariat manages Morocco's focal points and
  // validators, a focal point its country's contributors and stakeholders.
  {
    // Each allowed cell replaces the invitation of the one before it (201).
    op: 'POST /api/v1/invitations',
    rule: () => only('admin', 'secretariat'),
    request: () => ({
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: 'matrix.invitee@mar.example.org', role: 'validator', country: 'MAR' },
    }),
  },
  {
    op: 'GET /api/v1/invitations',
    rule: () => only('admin', 'secretariat', 'focal', 'focalTun'),
    request: () => get('/api/v1/invitations'),
  },
  {
    op: 'DELETE /api/v1/invitations/{id}',
    rule: () => only('admin', 'secretariat'),
    before: async () => {
      const created = await call('admin', 'POST', '/api/v1/invitations', {
        email: 'matrix.revoked@mar.example.org',
        role: 'validator',
        country: 'MAR',
      });
      ids.invitation = (created.json().invitation as { id: number }).id;
    },
    request: () => ({ method: 'DELETE', url: `/api/v1/invitations/${ids.invitation}` }),
  },
  {
    op: 'POST /api/v1/invitations/accept',
    rule: anyone, // the one-time token is the credential: a wrong one is a business refusal (400)
    request: () => ({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: 'not-an-invitation-of-anyone', password: 'another horse battery staple' },
    }),
  },
  {
    op: 'GET /api/v1/people',
    rule: () => only('admin', 'secretariat', 'focal', 'focalTun'),
    request: () => get('/api/v1/people?country=MAR'),
  },
  {
    op: 'POST /api/v1/users/{id}/disable',
    rule: () => only('admin', 'secretariat'),
    request: () => ({ method: 'POST', url: `/api/v1/users/${ids.leaving}/disable` }),
  },
  {
    op: 'POST /api/v1/users/{id}/enable',
    rule: () => only('admin', 'secretariat'),
    request: () => ({ method: 'POST', url: `/api/v1/users/${ids.leaving}/enable` }),
  },
  {
    op: 'POST /api/v1/users',
    rule: () => only('admin'),
    request: () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'matrix@tun.example.org', password: PASSWORD, role: 'validator', country: 'TUN' },
    }),
  },
  { op: 'GET /api/v1/entities', rule: signedIn, request: () => get('/api/v1/entities?country=MAR') },
  {
    // The first allowed cell creates it; the next one is told it exists (409).
    op: 'POST /api/v1/entities',
    rule: () => only('admin', 'focal'),
    request: () => ({
      method: 'POST',
      url: '/api/v1/entities',
      payload: { country: 'MAR', name: 'Office des migrations (matrice)', category: 'government' },
    }),
  },

  // Everyone's own work.
  { op: 'GET /api/v1/tasks', rule: signedIn, request: () => get('/api/v1/tasks') },
  { op: 'GET /api/v1/notifications', rule: signedIn, request: () => get('/api/v1/notifications') },
  {
    op: 'POST /api/v1/notifications/read',
    rule: signedIn,
    request: () => ({ method: 'POST', url: '/api/v1/notifications/read', payload: {} }),
  },

  // Cycles: anyone reads open and closed ones; the region's secretariat (and admins) manage them.
  { op: 'GET /api/v1/cycles', rule: anyone, request: () => get('/api/v1/cycles') },
  { op: 'GET /api/v1/cycles/{cycle}', rule: anyone, request: () => get('/api/v1/cycles/arab-2021') },
  {
    // The first allowed cell creates it (planned, so no import has to choose); the next ones are told it exists (409).
    op: 'POST /api/v1/cycles',
    rule: () => only('admin', 'secretariat'),
    request: () => ({
      method: 'POST',
      url: '/api/v1/cycles',
      payload: { id: 'arab-matrix', region: 'arab', questionnaire: ids.questionnaire, countries: ['MAR'] },
    }),
  },
  {
    op: 'PATCH /api/v1/cycles/{cycle}',
    rule: () => only('admin', 'secretariat'),
    request: () => ({ method: 'PATCH', url: '/api/v1/cycles/arab-2021', payload: { dueOn: '2021-02-24' } }),
  },
  {
    // Closing a closed cycle: refused by its state (409) once authorisation passed; nothing changes.
    op: 'POST /api/v1/cycles/{cycle}/state',
    rule: () => only('admin', 'secretariat'),
    request: () => ({
      method: 'POST',
      url: '/api/v1/cycles/arab-2021/state',
      payload: { to: 'closed', late: 'accept' },
    }),
  },

  // Opening and importing a review (the review exists: allowed callers are told so, 409).
  {
    op: 'POST /api/v1/reviews',
    rule: () => only('admin', 'focal'),
    request: () => ({
      method: 'POST',
      url: '/api/v1/reviews',
      payload: { country: 'MAR', cycle: 'arab-2021', language: 'fr' },
    }),
  },
  {
    op: 'POST /api/v1/imports',
    rule: () => only('admin', 'focal'), // storing; a preview (no store) is for anyone
    request: async () => {
      const body = await multipart(
        { country: 'MAR', cycle: 'arab-2021', store: 'true' },
        { bytes: seedBytes(), name: 'morocco.txt' },
      );
      return { method: 'POST', url: '/api/v1/imports', headers: body.headers, payload: body.payload };
    },
  },

  // The review.
  { op: 'GET /api/v1/reviews/{country}/{cycle}', rule: (p) => onReview(p, seers(p)), request: () => get(REVIEW) },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/export',
    rule: (p) => onReview(p, seers(p)),
    request: () => get(`${REVIEW}/export?format=json`),
  },
  // Export jobs: asking is exporting; a job is its requester's alone (others: 404 job.not_found).
  {
    op: 'POST /api/v1/exports',
    rule: (p) => onReview(p, seers(p)),
    request: () => ({
      method: 'POST',
      url: '/api/v1/exports',
      payload: { country: 'MAR', cycle: 'arab-2021', format: 'json' },
    }),
  },
  {
    op: 'GET /api/v1/jobs/{id}',
    rule: () => ({ allowed: ['admin'], hiddenFrom: except(['admin']) }),
    request: async (_who, phase) => get(`/api/v1/jobs/${await adminJob(phase)}`),
  },
  {
    op: 'GET /api/v1/jobs/{id}/file',
    rule: () => ({ allowed: ['admin'], hiddenFrom: except(['admin']) }),
    request: async (_who, phase) => get(`/api/v1/jobs/${await adminJob(phase)}/file`),
  },
  // Published versions: public once one exists; before, for the review's readers (who learn there is none yet).
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/versions',
    rule: (p) => onReview(p, seers(p)),
    request: () => get(`${REVIEW}/versions`),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/versions/{version}',
    rule: (p) => onReview(p, seers(p)),
    request: () => get(`${REVIEW}/versions/1`),
  },
  // Open data holds only what is published: anyone.
  { op: 'GET /api/v1/open-data', rule: anyone, request: () => get('/api/v1/open-data') },
  { op: 'GET /api/v1/open-data/{cycle}', rule: anyone, request: () => get('/api/v1/open-data/arab-2021') },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/workspace',
    rule: (p) => onReview(p, readers(p)),
    request: () => get(`${REVIEW}/workspace`),
  },
  {
    // A move the workflow refuses (409) for whoever may move the review: nothing changes.
    op: 'POST /api/v1/reviews/{country}/{cycle}/status',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: (_who, phase) => ({
      method: 'POST',
      url: `${REVIEW}/status`,
      // Not `draft` once submitted: submitted → draft is the secretariat's return (submission.return).
      payload: { to: CLOSED(phase) ? 'in_consultation' : 'validated' },
    }),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/audit',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: () => get(`${REVIEW}/audit`),
  },
  {
    op: 'POST /api/v1/reviews/{country}/{cycle}/assignments',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: () => ({
      method: 'POST',
      url: `${REVIEW}/assignments`,
      payload: { questionIds: [Q_A], entityId: world.entities.interior, dueOn: '2031-12-31' },
    }),
  },
  {
    op: 'DELETE /api/v1/reviews/{country}/{cycle}/assignments/{questionId}/{entityId}',
    rule: (p) => onReview(p, ['admin', 'focal']),
    before: async () => {
      await t.storage.db
        .insertInto('assignment')
        .values({
          review_id: ids.reviewId,
          question_id: Q_WITHDRAW,
          entity_id: world.entities.planning,
          due_on: null,
          assigned_by: 'test',
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    request: () => ({ method: 'DELETE', url: `${REVIEW}/assignments/${Q_WITHDRAW}/${world.entities.planning}` }),
  },
  {
    // I.a stays given to the Ministry of the Interior: the cells change nothing (no note before or after).
    op: 'PATCH /api/v1/reviews/{country}/{cycle}/assignments/{questionId}/{entityId}',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: () => ({
      method: 'PATCH',
      url: `${REVIEW}/assignments/${Q_A}/${world.entities.interior}`,
      payload: { note: null },
    }),
  },

  // Answers.
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/answers/{questionId}',
    rule: (p) =>
      questionPage([...readers(p), 'contributorA', ...(p === 'in_consultation' ? (['stakeholder'] as Who[]) : [])]),
    request: () => get(answer(Q_A)),
  },
  {
    op: 'PUT /api/v1/reviews/{country}/{cycle}/answers/{questionId}',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: async (who) => ({
      method: 'PUT',
      url: answer(Q_EDIT),
      payload: { blocks: paragraph(`Texte enregistré par ${who}.`), baseRevision: await revisionOf(Q_EDIT) },
    }),
  },
  {
    // drafting → in_review needs answer.edit; each cell starts from drafting again.
    op: 'POST /api/v1/reviews/{country}/{cycle}/answers/{questionId}/status',
    rule: (p) => onReview(p, ['admin', 'focal']),
    before: async () => {
      await t.storage.db
        .updateTable('answer')
        .set({ status: 'drafting' })
        .where('review_id', '=', ids.reviewId)
        .where('question_id', '=', Q_MOVE)
        .where('status', '=', 'in_review')
        .execute();
    },
    request: () => ({ method: 'POST', url: `${answer(Q_MOVE)}/status`, payload: { to: 'in_review' } }),
  },
  {
    // Several answers at once (services/move-answers.ts): the same rights as one; Q_MOVE back to drafting first.
    op: 'POST /api/v1/reviews/{country}/{cycle}/answers/status',
    rule: (p) => onReview(p, ['admin', 'focal']),
    before: async () => {
      await t.storage.db
        .updateTable('answer')
        .set({ status: 'drafting' })
        .where('review_id', '=', ids.reviewId)
        .where('question_id', '=', Q_MOVE)
        .where('status', '=', 'in_review')
        .execute();
    },
    request: () => ({
      method: 'POST',
      url: `${REVIEW}/answers/status`,
      payload: { questions: [Q_MOVE], to: 'in_review' },
    }),
  },
  {
    // The author's autosaved draft (migration 027): the rights of saving the answer, no revision.
    op: 'PUT /api/v1/reviews/{country}/{cycle}/answers/{questionId}/draft',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: async (who) => ({
      method: 'PUT',
      url: `${answer(Q_EDIT)}/draft`,
      payload: { blocks: paragraph(`Brouillon de ${who}.`), baseRevision: await revisionOf(Q_EDIT) },
    }),
  },
  {
    op: 'DELETE /api/v1/reviews/{country}/{cycle}/answers/{questionId}/draft',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: () => ({ method: 'DELETE', url: `${answer(Q_EDIT)}/draft` }),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/answers/{questionId}/revisions',
    rule: (p) => onReview(p, readers(p)),
    request: () => get(`${answer(Q_EDIT)}/revisions`),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/answers/{questionId}/revisions/{revision}',
    rule: (p) => onReview(p, readers(p)),
    request: () => get(`${answer(Q_EDIT)}/revisions/1`),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/answers/{questionId}/diff',
    rule: (p) => onReview(p, readers(p)),
    request: () => get(`${answer(Q_EDIT)}/diff?from=1&to=1`),
  },
  {
    op: 'POST /api/v1/reviews/{country}/{cycle}/answers/{questionId}/revisions/{revision}/restore',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: async () => ({
      method: 'POST',
      url: `${answer(Q_EDIT)}/revisions/1/restore`,
      payload: { baseRevision: await revisionOf(Q_EDIT) },
    }),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/answers/{questionId}/comments',
    rule: (p) =>
      questionPage([...readers(p), 'contributorA', ...(p === 'in_consultation' ? (['stakeholder'] as Who[]) : [])]),
    request: () => get(`${answer(Q_A)}/comments`),
  },
  {
    // comment.write: the country's team, and the contributors of the entities the question is given to.
    op: 'POST /api/v1/reviews/{country}/{cycle}/answers/{questionId}/comments',
    rule: (p) => onReviewOrEntity(p, [...TEAM, 'contributorA']),
    request: (who) => ({ method: 'POST', url: `${answer(Q_A)}/comments`, payload: { body: `Remarque de ${who}.` } }),
  },
  {
    op: 'PUT /api/v1/reviews/{country}/{cycle}/answers/{questionId}/objectives/{objective}',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: () => ({ method: 'PUT', url: `${answer(Q_A)}/objectives/1`, payload: { status: 'confirmed' } }),
  },

  // Submissions to the regional secretariat (issue 11): submission 1 is written on entering `submitted`.
  {
    // Anyone signed in but the region's secretariat: as if the cycle did not exist (cycle.not_found).
    op: 'GET /api/v1/cycles/{cycle}/submissions',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => get('/api/v1/cycles/arab-2021/submissions'),
  },
  {
    // Tracking (issue 11, item 4): the same hiding as the cycle's submissions.
    op: 'GET /api/v1/cycles/{cycle}/tracking',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => get('/api/v1/cycles/arab-2021/tracking'),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/tracking.csv',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => get('/api/v1/cycles/arab-2021/tracking.csv'),
  },
  // Country groups (issue 13): read by anyone; edited by the region's secretariat and administrators.
  { op: 'GET /api/v1/regions/{region}/groups', rule: anyone, request: () => get('/api/v1/regions/arab/groups') },
  {
    // The first allowed cell creates the group; the next ones get 409 group.exists (a business refusal).
    op: 'POST /api/v1/regions/{region}/groups',
    rule: () => only('admin', 'secretariat'),
    request: () => ({ method: 'POST', url: '/api/v1/regions/arab/groups', payload: GROUP }),
  },
  {
    op: 'PUT /api/v1/regions/{region}/groups/{group}',
    rule: () => only('admin', 'secretariat'),
    before: () => groupExists(),
    request: () => ({ method: 'PUT', url: '/api/v1/regions/arab/groups/matrix', payload: { ...GROUP, id: undefined } }),
  },
  {
    op: 'DELETE /api/v1/regions/{region}/groups/{group}',
    rule: () => only('admin', 'secretariat'),
    before: () => groupExists(),
    request: () => ({ method: 'DELETE', url: '/api/v1/regions/arab/groups/matrix' }),
  },
  // Codes and coding (issue 13, item 4): the region's secretariat; anyone else signed in, as if
  // the cycle did not exist (its translators read them: coding.test.ts).
  {
    op: 'GET /api/v1/cycles/{cycle}/codes',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => get('/api/v1/cycles/arab-2021/codes'),
  },
  {
    // The first allowed cell creates III.a's code; the next ones get 409 code.exists.
    op: 'POST /api/v1/cycles/{cycle}/codes',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => ({
      method: 'POST',
      url: '/api/v1/cycles/arab-2021/codes',
      payload: { questionId: 'III.a', ...CODE },
    }),
  },
  {
    op: 'POST /api/v1/cycles/{cycle}/codes/defaults',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => ({ method: 'POST', url: '/api/v1/cycles/arab-2021/codes/defaults' }),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/codes/{question}',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    before: () => codesExist(),
    request: () => get('/api/v1/cycles/arab-2021/codes/I.a'),
  },
  {
    // V.a rewritten with two values: no answer is confirmed with one it drops.
    op: 'PUT /api/v1/cycles/{cycle}/codes/{question}',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    before: () => codesExist(),
    request: () => ({
      method: 'PUT',
      url: '/api/v1/cycles/arab-2021/codes/V.a',
      payload: { ...CODE, kind: 'multiple' },
    }),
  },
  {
    op: 'POST /api/v1/cycles/{cycle}/codes/{question}/suggestions',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    before: () => codesExist(),
    request: () => ({ method: 'POST', url: '/api/v1/cycles/arab-2021/codes/I.a/suggestions' }),
  },
  {
    // An unknown value: 422 code.unknown_value once authorisation passed, whatever the phase.
    op: 'PUT /api/v1/cycles/{cycle}/codes/{question}/countries/{country}',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    before: () => codesExist(),
    request: () => ({
      method: 'PUT',
      url: '/api/v1/cycles/arab-2021/codes/I.a/countries/MAR',
      payload: { state: 'confirmed', values: ['maybe'] },
    }),
  },
  // The change between two cycles (here the cycle with itself): what each compares is cycle-change.test.ts's.
  {
    op: 'GET /api/v1/reviews/{country}/changes',
    rule: (p) => {
      const allowed = p === 'published' ? [...WHO] : submissionReaders(p);
      return { allowed, hiddenFrom: except(allowed) };
    },
    request: () => get('/api/v1/reviews/MAR/changes?from=arab-2021&to=arab-2021'),
  },
  // Questionnaire versions (issue 15): anyone signed in lists them; the region's secretariat (and
  // admins) copy and change its region's versions, which anyone else signed in is told do not exist.
  { op: 'GET /api/v1/questionnaires', rule: signedIn, request: () => get('/api/v1/questionnaires') },
  {
    // An administrator has no region of its own to copy into: refused by the rule (422) once authorised.
    op: 'POST /api/v1/questionnaires/{id}/versions',
    rule: () => only('admin', 'secretariat'),
    request: () => ({ method: 'POST', url: '/api/v1/questionnaires/arab-2021/versions', payload: { from: 1 } }),
  },
  {
    op: 'PUT /api/v1/questionnaires/{id}/versions/{version}',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => ({
      method: 'PUT',
      url: `/api/v1/questionnaires/arab-2021/versions/${ids.draft}`,
      payload: ids.draftBody,
    }),
  },
  {
    op: 'PUT /api/v1/questionnaires/{id}/versions/{version}/wording/{lang}',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => ({
      method: 'PUT',
      url: `/api/v1/questionnaires/arab-2021/versions/${ids.draft}/wording/ar`,
      payload: { status: 'official' },
    }),
  },
  {
    op: 'GET /api/v1/questionnaires/{id}/versions/{version}/mapping',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => get(`/api/v1/questionnaires/arab-2021/versions/${ids.draft}/mapping`),
  },
  {
    op: 'PUT /api/v1/questionnaires/{id}/versions/{version}/mapping',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => ({
      method: 'PUT',
      url: `/api/v1/questionnaires/arab-2021/versions/${ids.draft}/mapping`,
      payload: { rows: [] },
    }),
  },
  // The blank questionnaire (issue 15): the focal points of the cycle's countries (Tunisia's too), its secretariat.
  {
    op: 'GET /api/v1/cycles/{cycle}/questionnaire.docx',
    rule: () => only('admin', 'secretariat', 'focal', 'focalTun'),
    request: () => get('/api/v1/cycles/arab-2021/questionnaire.docx?lang=ar'),
  },
  ...(['changes', 'changes.csv'] as const).map((file): Row => ({
    op: `GET /api/v1/cycles/{cycle}/${file}`,
    rule: (): Rule => ({
      allowed: ['admin', 'secretariat'],
      hiddenFrom: except(['admin', 'secretariat', 'anonymous']),
    }),
    request: () => get(`/api/v1/cycles/arab-2021/${file}?from=arab-2021`),
  })),
  // The regional synthesis (issue 14): the region's secretariat writes and cites (its translators
  // read: synthesis.test.ts); Morocco's focal point answers requests to quote Morocco's words.
  // A passage Morocco's submission does not hold is refused 422 once authorisation passed.
  {
    op: 'GET /api/v1/cycles/{cycle}/syntheses',
    rule: synthesisWriters,
    request: () => get('/api/v1/cycles/arab-2021/syntheses'),
  },
  {
    op: 'POST /api/v1/cycles/{cycle}/syntheses',
    rule: synthesisWriters,
    request: () => ({
      method: 'POST',
      url: '/api/v1/cycles/arab-2021/syntheses',
      payload: { language: 'en', title: 'Matrix' },
    }),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/syntheses/{synthesis}',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => get(SYNTHESIS_URL()),
  },
  {
    // The first allowed cell saves revision 1; the next ones get 409 synthesis.edit_conflict.
    op: 'PUT /api/v1/cycles/{cycle}/syntheses/{synthesis}',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => ({
      method: 'PUT',
      url: SYNTHESIS_URL(),
      payload: { document: { type: 'doc', content: [] }, baseRevision: 0 },
    }),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/syntheses/{synthesis}/revisions',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => get(`${SYNTHESIS_URL()}/revisions`),
  },
  {
    op: 'POST /api/v1/cycles/{cycle}/syntheses/{synthesis}/citations',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => ({ method: 'POST', url: `${SYNTHESIS_URL()}/citations`, payload: A_PASSAGE }),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/syntheses/{synthesis}/citations/{citation}',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => get(CITATION_URL()),
  },
  {
    op: 'PUT /api/v1/cycles/{cycle}/syntheses/{synthesis}/citations/{citation}',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => ({ method: 'PUT', url: CITATION_URL(), payload: A_PASSAGE }),
  },
  {
    // Not flagged: 409 citation.not_outdated once authorisation passed.
    op: 'POST /api/v1/cycles/{cycle}/syntheses/{synthesis}/citations/{citation}/keep',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => ({ method: 'POST', url: `${CITATION_URL()}/keep` }),
  },
  {
    // A request is pending: 409 citation_request.pending once authorisation passed.
    op: 'POST /api/v1/cycles/{cycle}/syntheses/{synthesis}/citations/{citation}/approval-request',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => ({ method: 'POST', url: `${CITATION_URL()}/approval-request` }),
  },
  // Publishing a synthesis (migration 036): the secretariat publishes and reads live figures; the
  // public reads versions and exports the latest (what each reads is synthesis-publication.test.ts's).
  {
    op: 'GET /api/v1/cycles/{cycle}/syntheses/{synthesis}/figures',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => get(`${SYNTHESIS_URL()}/figures`),
  },
  {
    // The first allowed cell publishes; the next ones get 409 synthesis.already_published.
    op: 'POST /api/v1/cycles/{cycle}/syntheses/{synthesis}/publish',
    rule: synthesisWriters,
    before: () => citationRequestPending(),
    request: () => ({ method: 'POST', url: `${SYNTHESIS_URL()}/publish` }),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/syntheses/{synthesis}/versions',
    rule: anyone,
    before: () => synthesisPublished(),
    request: () => get(`${SYNTHESIS_URL()}/versions`),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/syntheses/{synthesis}/versions/{version}',
    rule: anyone,
    before: () => synthesisPublished(),
    request: () => get(`${SYNTHESIS_URL()}/versions/1`),
  },
  {
    op: 'POST /api/v1/cycles/{cycle}/syntheses/{synthesis}/exports',
    rule: anyone,
    before: () => synthesisPublished(),
    request: () => ({ method: 'POST', url: `${SYNTHESIS_URL()}/exports`, payload: { format: 'docx', version: 1 } }),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/passages',
    rule: synthesisWriters,
    request: () => get('/api/v1/cycles/arab-2021/passages?q=migration'),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/citation-requests',
    rule: quoteDeciders,
    before: () => citationRequestPending(),
    request: () => get(CITATION_REQUESTS),
  },
  {
    op: 'POST /api/v1/reviews/{country}/{cycle}/citation-requests/{request}/approve',
    rule: quoteDeciders,
    before: () => citationRequestPending(),
    request: () => ({ method: 'POST', url: `${CITATION_REQUESTS}/${synthesisIds.request}/approve` }),
  },
  {
    op: 'POST /api/v1/reviews/{country}/{cycle}/citation-requests/{request}/refuse',
    rule: quoteDeciders,
    before: () => citationRequestPending(),
    request: () => ({
      method: 'POST',
      url: `${CITATION_REQUESTS}/${synthesisIds.request}/refuse`,
      payload: { reason: 'Non.' },
    }),
  },
  // One question's answers side by side: anyone reads (what each may read is side-by-side.test.ts's).
  {
    op: 'GET /api/v1/cycles/{cycle}/questions/{questionId}/answers',
    rule: anyone,
    request: () => get('/api/v1/cycles/arab-2021/questions/I.a/answers'),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/questions/{questionId}/answers.csv',
    rule: anyone,
    request: () => get('/api/v1/cycles/arab-2021/questions/I.a/answers.csv'),
  },
  {
    op: 'GET /api/v1/cycles/{cycle}/questions/{questionId}/answers.docx',
    rule: anyone,
    request: () => get('/api/v1/cycles/arab-2021/questions/I.a/answers.docx'),
  },
  // The regional figures: anyone reads (what each counts is figures.test.ts's).
  ...(['figures', 'figures.svg', 'figures.png'] as const).map((file) => ({
    op: `GET /api/v1/cycles/{cycle}/codes/{questionId}/${file}`,
    rule: anyone,
    before: () => codesExist(),
    request: () => get(`/api/v1/cycles/arab-2021/codes/I.a/${file}`),
  })),
  {
    op: 'GET /api/v1/cycles/{cycle}/objectives-matrix',
    rule: anyone,
    request: () => get('/api/v1/cycles/arab-2021/objectives-matrix'),
  },
  {
    op: 'POST /api/v1/cycles/{cycle}/reminders',
    rule: () => ({ allowed: ['admin', 'secretariat'], hiddenFrom: except(['admin', 'secretariat', 'anonymous']) }),
    request: () => ({ method: 'POST', url: '/api/v1/cycles/arab-2021/reminders', payload: { late: true } }),
  },
  {
    // The focal point decides what leaves the country (action review.move).
    op: 'PUT /api/v1/reviews/{country}/{cycle}/progress-sharing',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: () => ({ method: 'PUT', url: `${REVIEW}/progress-sharing`, payload: { share: true } }),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/submissions',
    rule: (p) => onSubmissions(p, submissionReaders(p)),
    request: () => get(`${REVIEW}/submissions`),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/submissions/{number}',
    rule: (p) => onSubmissions(p, submissionReaders(p)),
    request: () => get(`${REVIEW}/submissions/1`),
  },
  {
    // The first allowed cell acknowledges; the next ones are refused as already acknowledged (409).
    op: 'POST /api/v1/reviews/{country}/{cycle}/submissions/{number}/acknowledgement',
    rule: (p) => onSubmissions(p, submissionActors(p)),
    request: () => ({ method: 'POST', url: `${REVIEW}/submissions/1/acknowledgement` }),
  },
  {
    op: 'POST /api/v1/reviews/{country}/{cycle}/submissions/{number}/comments',
    rule: (p) => onSubmissions(p, submissionActors(p)),
    request: (who) => ({
      method: 'POST',
      url: `${REVIEW}/submissions/1/comments`,
      payload: { body: `Reçu (${who}).` },
    }),
  },
  {
    // Without a reason: whoever may return it is refused for that (422) after authorisation, so the
    // matrix never sends the review back to draft (submissions.test.ts returns it).
    op: 'POST /api/v1/reviews/{country}/{cycle}/submissions/{number}/return',
    rule: (p) => onSubmissions(p, submissionActors(p)),
    request: () => ({ method: 'POST', url: `${REVIEW}/submissions/1/return`, payload: { reason: ' ' } }),
  },
  // Human translations of submitted answers (issue 13, item 2): read with the submission, written
  // by the region's secretariat (and its translators, whom translations.test.ts tries).
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/submissions/{number}/translations',
    rule: (p) => onSubmissions(p, submissionReaders(p)),
    request: () => get(`${REVIEW}/submissions/1/translations`),
  },
  {
    op: 'PUT /api/v1/reviews/{country}/{cycle}/submissions/{number}/answers/{questionId}/translations/{language}',
    rule: (p) => onSubmissions(p, submissionActors(p)),
    request: (who) => ({
      method: 'PUT',
      url: `${REVIEW}/submissions/1/answers/${Q_A}/translations/en`,
      payload: { blocks: paragraph(`Translated (${who}).`) },
    }),
  },
  { op: 'GET /api/v1/translations/work', rule: signedIn, request: () => get('/api/v1/translations/work') },

  // Practices (docs/practices.md): a proposed practice of Morocco's, which its team and the
  // region's secretariat see and anyone else is told does not exist (404 practice.not_found).
  { op: 'GET /api/v1/practices', rule: anyone, request: () => get('/api/v1/practices') },
  {
    op: 'POST /api/v1/practices',
    rule: () => only('admin', 'focal'),
    request: (who) => ({ method: 'POST', url: '/api/v1/practices', payload: practiceBody(`Pratique de ${who}`) }),
  },
  {
    op: 'GET /api/v1/practices/{id}',
    rule: () => onPractice(['admin', 'focal', 'validator', 'secretariat']),
    before: async () => {
      await proposedPractice();
    },
    request: async () => get(`/api/v1/practices/${await proposedPractice()}`),
  },
  {
    op: 'PUT /api/v1/practices/{id}',
    rule: () => onPractice(['admin', 'focal']),
    before: async () => {
      await proposedPractice();
    },
    request: async (who) => {
      const id = await proposedPractice();
      const { version } = await t.storage.db
        .selectFrom('practice')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { method: 'PUT', url: `/api/v1/practices/${id}`, payload: { ...practiceFields(`Par ${who}`), version } };
    },
  },
  {
    // The secretariat's move (into review); the practice is proposed again before each cell.
    op: 'POST /api/v1/practices/{id}/state',
    rule: () => onPractice(['admin', 'secretariat']),
    before: async () => {
      await proposedPractice();
    },
    request: async () => ({
      method: 'POST',
      url: `/api/v1/practices/${await proposedPractice()}/state`,
      payload: { to: 'in_review' },
    }),
  },
  {
    op: 'PUT /api/v1/practices/{id}/translations/{language}',
    rule: () => onPractice(['admin', 'focal', 'secretariat']),
    before: async () => {
      await proposedPractice();
    },
    request: async (who) => ({
      method: 'PUT',
      url: `/api/v1/practices/${await proposedPractice()}/translations/en`,
      payload: { title: `Translated by ${who}` },
    }),
  },

  // Contributions: the Ministry of the Interior's to I.a.
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/answers/{questionId}/contributions/{entityId}',
    rule: (p) => onReviewOrEntity(p, [...TEAM, 'contributorA']),
    request: () => get(contribution()),
  },
  {
    op: 'PUT /api/v1/reviews/{country}/{cycle}/answers/{questionId}/contributions/{entityId}',
    rule: (p) => onReviewOrEntity(p, ['admin', 'contributorA']),
    request: async (who) => ({
      method: 'PUT',
      url: contribution(),
      payload: {
        blocks: paragraph(`Contribution du ministère, par ${who}.`),
        baseRevision: await contributionRevision(Q_A, world.entities.interior),
      },
    }),
  },
  {
    op: 'POST /api/v1/reviews/{country}/{cycle}/answers/{questionId}/contributions/{entityId}/submit',
    rule: (p) => onReviewOrEntity(p, ['admin', 'contributorA']),
    request: () => ({ method: 'POST', url: contribution('/submit') }),
  },
  {
    op: 'POST /api/v1/reviews/{country}/{cycle}/answers/{questionId}/contributions/{entityId}/evidence',
    rule: (p) => onReviewOrEntity(p, ['admin', 'contributorA']),
    request: async () => {
      const body = await multipart({}, { bytes: CSV, name: 'chiffres.csv' });
      return { method: 'POST', url: contribution('/evidence'), headers: body.headers, payload: body.payload };
    },
  },
  {
    // « Remplacer » (issue 12, item 5): the rights of uploading.
    op: 'PUT /api/v1/reviews/{country}/{cycle}/answers/{questionId}/contributions/{entityId}/evidence/{evidenceId}',
    rule: (p) => onReviewOrEntity(p, ['admin', 'contributorA']),
    before: () => uploadRemovable(),
    request: async () => {
      const body = await multipart({}, { bytes: CSV, name: 'chiffres 2.csv' });
      return {
        method: 'PUT',
        url: contribution(`/evidence/${ids.removable}`),
        headers: body.headers,
        payload: body.payload,
      };
    },
  },
  {
    op: 'DELETE /api/v1/reviews/{country}/{cycle}/answers/{questionId}/contributions/{entityId}/evidence/{evidenceId}',
    rule: (p) => onReviewOrEntity(p, ['admin', 'contributorA']),
    before: () => uploadRemovable(),
    request: () => ({ method: 'DELETE', url: contribution(`/evidence/${ids.removable}`) }),
  },
  {
    op: 'GET /api/v1/reviews/{country}/{cycle}/answers/{questionId}/contributions/{entityId}/evidence/{evidenceId}',
    rule: (p) => onReviewOrEntity(p, [...TEAM, 'contributorA']),
    request: () => get(contribution(`/evidence/${ids.evidence}`)),
  },
  {
    // How the association's input to I.a was taken into account (answer.edit).
    op: 'POST /api/v1/reviews/{country}/{cycle}/answers/{questionId}/contributions/{entityId}/response',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: (who) => ({
      method: 'POST',
      url: `${answer(Q_A)}/contributions/${world.entities.association}/response`,
      payload: { text: `Repris au paragraphe 2 (${who}).` },
    }),
  },
  {
    // The Planning Commission's submitted contribution to I.b: merged by the first allowed cell,
    // closed (409) for the next ones.
    op: 'POST /api/v1/reviews/{country}/{cycle}/answers/{questionId}/merge',
    rule: (p) => onReview(p, ['admin', 'focal']),
    request: async () => ({
      method: 'POST',
      url: `${answer(Q_B)}/merge`,
      payload: { contributionIds: [ids.contributionB], baseRevision: await revisionOf(Q_B) },
    }),
  },
];

function emailOf(who: Who): string {
  if (who === 'idle') return IDLE_EMAIL;
  if (who === 'anonymous') throw new Error('anonymous has no account');
  return PERSONAS[who].email;
}
const IDLE_EMAIL = 'sante@mar.example.org';

// ── running a cell ───────────────────────────────────────────────────────────────────────────

interface Observed {
  status: number;
  code: string | undefined;
  outcome: Outcome | string;
}

function classify(status: number, code: string | undefined): Outcome | string {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404 && code === 'review.not_found') return 'hidden';
  if (status === 404 && code === 'job.not_found') return 'hidden'; // someone else's job, as if there were none
  // Nothing published yet (no version N, no open data for the cycle): authorisation passed.
  if (status === 404 && (code === 'review.version_not_found' || code === 'open_data.not_found')) return 'ok';
  // Nothing submitted yet (no submission N): authorisation passed.
  if (status === 404 && code === 'submission.not_found') return 'ok';
  if (status === 404 && code === 'cycle.not_found') return 'hidden'; // a cycle one may not see, as if there were none
  if (status === 404 && code === 'practice.not_found') return 'hidden'; // a practice one may not see
  if (status === 404 && code === 'questionnaire.not_found') return 'hidden'; // another region's version
  if (status === 404) return `missing (${code})`;
  if (status >= 400 && status < 500 && code !== 'request.invalid') return 'ok'; // a business rule refused it
  return `unexpected ${status} (${code})`;
}

const expected = (rule: Rule, who: Who): Outcome =>
  rule.allowed.includes(who) ? 'ok' : rule.hiddenFrom.includes(who) ? 'hidden' : 'forbidden';

async function send(who: Who, request: Request): Promise<Observed> {
  const token = request.token !== undefined ? request.token : tokens[who];
  const response = await app.inject({
    method: request.method,
    url: request.url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...request.headers },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  let code: string | undefined;
  if (response.statusCode >= 400) {
    try {
      code = (response.json() as { code?: string }).code;
    } catch {
      code = undefined;
    }
  }
  return { status: response.statusCode, code, outcome: classify(response.statusCode, code) };
}

/** Every cell's answer, by phase and operation, for the checks after the matrix. */
const observed = new Map<string, Observed>();
const key = (phase: Phase, op: string, who: Who) => `${phase} ${op} ${who}`;

async function runRow(row: Row, phase: Phase): Promise<string[]> {
  const rule = row.rule(phase);
  const differences: string[] = [];
  for (const who of WHO) {
    await row.before?.(phase);
    const request = await row.request(who, phase);
    const seen = await send(who, request);
    observed.set(key(phase, row.op, who), seen);
    const want = expected(rule, who);
    if (seen.outcome !== want) {
      differences.push(
        `${who}: expected ${want}, got ${seen.status} ${seen.code ?? ''} (${request.method} ${request.url})`,
      );
    }
  }
  return differences;
}

// ── the world ────────────────────────────────────────────────────────────────────────────────

/**
 * A file to remove or replace, on the Interior's contribution (as its contributor). Once the
 * contribution is submitted or the review closed the upload is refused and the last id stays:
 * the removal is then refused for the same reason (409), after the rights were checked.
 */
async function uploadRemovable() {
  const body = await multipart({}, { bytes: CSV, name: 'à retirer.csv' });
  const response = await app.inject({
    method: 'POST',
    url: contribution('/evidence'),
    headers: { authorization: `Bearer ${tokens.contributorA}`, ...body.headers },
    payload: body.payload,
  });
  if (response.statusCode === 201) ids.removable = response.json<{ id: number }>().id;
}

async function call(who: Who, method: Request['method'], url: string, payload?: object) {
  const response = await app.inject({
    method,
    url,
    headers: tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {},
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, json: () => response.json<Record<string, unknown>>() };
}

async function expectStatus(promise: ReturnType<typeof call>, status: number) {
  const response = await promise;
  expect(response.status).toBe(status);
  return response.json();
}

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(t.storage.db, app);
  const db = t.storage.db;
  for (const who of Object.keys(world.tokens) as Persona[]) tokens[who] = world.tokens[who];
  tokens.anonymous = null;
  ids.health = (
    await addEntity(db, operator('test'), { country: 'MAR', name: 'Ministère de la Santé', category: 'government' })
  ).id;
  tokens.idle = await addPerson(db, app, IDLE_EMAIL, { role: 'contributor', country: 'MAR', entity: ids.health });
  await addPerson(db, app, 'matrix.leaving@mar.example.org', { role: 'validator', country: 'MAR' });
  ids.leaving = (
    await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', 'matrix.leaving@mar.example.org')
      .executeTakeFirstOrThrow()
  ).id;
  ids.reviewId = (
    await db
      .selectFrom('review')
      .select('id')
      .where('country_code', '=', 'MAR')
      .where('cycle_id', '=', 'arab-2021')
      .executeTakeFirstOrThrow()
  ).id;
  ids.questionnaire = (
    await db.selectFrom('cycle').select('questionnaire_id').where('id', '=', 'arab-2021').executeTakeFirstOrThrow()
  ).questionnaire_id;
  const draft = await copyQuestionnaire(db, operator('test'), 'arab-2021', { from: 1, region: 'arab' });
  ids.draft = draft.version;
  ids.draftBody = versionBody(draft);

  // I.a to the Interior, I.b to the Planning Commission.
  await expectStatus(
    call('focal', 'POST', `${REVIEW}/assignments`, { questionIds: [Q_A], entityId: world.entities.interior }),
    201,
  );
  await expectStatus(
    call('focal', 'POST', `${REVIEW}/assignments`, { questionIds: [Q_B], entityId: world.entities.planning }),
    201,
  );
  // The Interior's draft contribution to I.a, with a file.
  await expectStatus(
    call('contributorA', 'PUT', contribution(), { blocks: paragraph('Brouillon du ministère.'), baseRevision: 0 }),
    200,
  );
  const body = await multipart({}, { bytes: CSV, name: 'chiffres.csv' });
  const evidence = await app.inject({
    method: 'POST',
    url: contribution('/evidence'),
    headers: { authorization: `Bearer ${tokens.contributorA}`, ...body.headers },
    payload: body.payload,
  });
  expect(evidence.statusCode).toBe(201);
  ids.evidence = (evidence.json() as { id: number }).id;
  await uploadRemovable();
  // The Planning Commission's submitted contribution to I.b, to merge.
  const planning = `${answer(Q_B)}/contributions/${world.entities.planning}`;
  ids.contributionB = (
    await expectStatus(
      call('contributorB', 'PUT', planning, { blocks: paragraph('Données du recensement.'), baseRevision: 0 }),
      200,
    )
  ).id as number;
  await expectStatus(call('contributorB', 'POST', `${planning}/submit`), 200);
  // The association's input to I.a, given during a first consultation.
  await expectStatus(call('focal', 'POST', `${REVIEW}/status`, { to: 'in_consultation' }), 200);
  await expectStatus(
    call('stakeholder', 'PUT', `${answer(Q_A)}/contributions/${world.entities.association}`, {
      blocks: paragraph('Les associations demandent un guichet unique.'),
      baseRevision: 0,
    }),
    200,
  );
  await expectStatus(call('focal', 'POST', `${REVIEW}/status`, { to: 'draft' }), 200);
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

// ── the checks ───────────────────────────────────────────────────────────────────────────────

describe('the matrix names every operation of the API', () => {
  it('has one row per operation of the OpenAPI document, and none other', async () => {
    await app.ready();
    const paths = (app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const operations = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    const rows = ROWS.map((r) => r.op).sort();
    expect(new Set(rows).size, 'one row per operation').toBe(rows.length);
    expect(
      operations.filter((op) => !rows.includes(op)),
      'operations without a row',
    ).toEqual([]);
    expect(
      rows.filter((op) => !operations.includes(op)),
      'rows without an operation',
    ).toEqual([]);
  });
});

/** The pages: the review's page and the home list, with the session cookie as a browser sends it. */
async function checkPages(phase: Phase) {
  const differences: string[] = [];
  for (const who of WHO) {
    const headers = tokens[who] ? { cookie: cookieHeader(tokens[who]) } : {};
    const page = await app.inject({ method: 'GET', url: PAGE, headers });
    const home = await app.inject({ method: 'GET', url: '/', headers });
    const sees = seers(phase).includes(who);
    if (page.statusCode !== (sees ? 200 : 404)) differences.push(`${who}: GET ${PAGE} answered ${page.statusCode}`);
    if (home.statusCode !== 200) differences.push(`${who}: GET / answered ${home.statusCode}`);
    if (home.body.includes(PAGE) !== sees)
      differences.push(`${who}: GET / ${sees ? 'does not list' : 'lists'} ${PAGE}`);
  }
  return differences;
}

/** The review in the API's list, and in "my tasks" (reviews one takes part in). */
async function checkLists(phase: Phase) {
  const differences: string[] = [];
  for (const who of WHO) {
    const list = (await call(who, 'GET', '/api/v1/reviews')).json().reviews as { country: string }[];
    const sees = seers(phase).includes(who);
    if (list.some((r) => r.country === 'MAR') !== sees) {
      differences.push(`${who}: GET /api/v1/reviews ${sees ? 'does not list' : 'lists'} MAR`);
    }
    if (who === 'anonymous') continue;
    const tasks = (await call(who, 'GET', '/api/v1/tasks')).json().reviews as { country: string }[];
    // Those who take part must find it there; those who may not know it exists must not.
    const listed = tasks.some((r) => r.country === 'MAR');
    const takesPart = readers(phase).includes(who) || ENTITY_MEMBERS.includes(who);
    if (takesPart && !listed) differences.push(`${who}: GET /api/v1/tasks does not list MAR`);
    if (!sees && !takesPart && listed) differences.push(`${who}: GET /api/v1/tasks lists MAR`);
  }
  return differences;
}

const REVIEW_OPS = () => ROWS.map((r) => r.op).filter((op) => op.includes('/reviews/{country}/{cycle}'));
const isWrite = (op: string) => !op.startsWith('GET ');

describe.each([
  ['draft', async () => {}],
  [
    'in_consultation',
    async () => {
      await expectStatus(call('focal', 'POST', `${REVIEW}/status`, { to: 'in_consultation' }), 200);
    },
  ],
  [
    'submitted',
    async () => {
      // Every answer approved (as the validator would, one by one), then validated and submitted.
      const db = t.storage.db;
      for (const [from, to] of [
        ['changes_requested', 'in_review'],
        ['drafting', 'in_review'],
        ['in_review', 'approved'],
      ] as const) {
        await db
          .updateTable('answer')
          .set({ status: to })
          .where('review_id', '=', ids.reviewId)
          .where('status', '=', from)
          .execute();
      }
      await expectStatus(call('focal', 'POST', `${REVIEW}/status`, { to: 'validated' }), 200);
      await expectStatus(call('focal', 'POST', `${REVIEW}/status`, { to: 'submitted' }), 200);
    },
  ],
  [
    'published',
    async () => {
      expect((await expectStatus(call('admin', 'POST', `${REVIEW}/status`, { to: 'published' }), 200)).status).toBe(
        'published',
      );
    },
  ],
] as const)('while the review is %s', (phase, enter) => {
  beforeAll(async () => {
    await enter();
    expect((await call('admin', 'GET', REVIEW)).status).toBe(200);
    const row = await t.storage.db
      .selectFrom('review')
      .select('status')
      .where('id', '=', ids.reviewId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe(phase);
  });

  it.each(ROWS.map((row) => [row.op, row] as const))('%s', async (_op, row) => {
    expect((await runRow(row, phase)).join('\n')).toBe('');
  });

  it('the pages show the review to those who may see it, and 404 to the others', async () => {
    expect((await checkPages(phase)).join('\n')).toBe('');
  });

  it('the lists name the review only for those who may see it or take part in it', async () => {
    expect((await checkLists(phase)).join('\n')).toBe('');
  });

  if (phase !== 'published') {
    it('another country’s focal point gets 404 review.not_found from every operation on the review', () => {
      for (const op of REVIEW_OPS()) {
        expect(observed.get(key(phase, op, 'focalTun')), op).toMatchObject({ status: 404, code: 'review.not_found' });
      }
    });
  }

  if (phase === 'draft') {
    it('a contributor cannot read another entity’s draft contribution, nor its evidence', () => {
      const read = 'GET /api/v1/reviews/{country}/{cycle}/answers/{questionId}/contributions/{entityId}';
      expect(observed.get(key(phase, read, 'contributorB'))?.outcome).toBe('forbidden');
      expect(observed.get(key(phase, `${read}/evidence/{evidenceId}`, 'contributorB'))?.outcome).toBe('forbidden');
      expect(observed.get(key(phase, read, 'contributorA'))?.status).toBe(200);
    });

    it('the secretariat gets 404 for a draft review', () => {
      for (const op of REVIEW_OPS()) {
        expect(observed.get(key(phase, op, 'secretariat')), op).toMatchObject({
          status: 404,
          code: 'review.not_found',
        });
      }
    });
  }

  if (phase === 'submitted') {
    it('the secretariat reads the submission, never the submitted review itself, and acts on the submission only', () => {
      expect(
        observed.get(key(phase, 'GET /api/v1/reviews/{country}/{cycle}/submissions/{number}', 'secretariat'))?.status,
      ).toBe(200);
      for (const op of REVIEW_OPS().filter((o) => !o.includes('/submissions'))) {
        expect(observed.get(key(phase, op, 'secretariat')), op).toMatchObject({
          status: 404,
          code: 'review.not_found',
        });
      }
    });
  }

  if (phase === 'submitted') {
    it('the stakeholder still sees its input, and how it was taken into account, after the consultation', async () => {
      const input = await call('stakeholder', 'GET', `${answer(Q_A)}/contributions/${world.entities.association}`);
      expect(input.status).toBe(200);
      expect(input.json()).toMatchObject({ kind: 'input', response: expect.stringContaining('Repris') });
    });
  }

  if (phase === 'published') {
    it('anyone reads the published review, and an anonymous client may write nothing', () => {
      expect(observed.get(key(phase, 'GET /api/v1/reviews/{country}/{cycle}', 'anonymous'))?.status).toBe(200);
      for (const op of REVIEW_OPS().filter(isWrite)) {
        expect(observed.get(key(phase, op, 'anonymous'))?.status, op).toBe(401);
      }
    });
  }
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
