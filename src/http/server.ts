import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Storage } from '../db/connection.js';
import { PacteError } from '../domain/errors.js';
import { ROOT, type MailSettings, type OidcSettings } from '../config.js';
import { authentication } from './auth.js';
import { accountPageRoutes } from './pages/account-routes.js';
import { appRoutes } from './pages/app-routes.js';
import { importPageRoutes } from './pages/import-routes.js';
import { pageRoutes } from './pages/pages.js';
import { sessionRoutes } from './routes/session/session.js';
import { preferenceRoutes } from './routes/preferences/preferences.js';
import { countryRoutes } from './routes/countries/countries.js';
import { entityRoutes } from './routes/entities/entities.js';
import { userRoutes } from './routes/users/users.js';
import { resetPasswordPageRoutes } from './pages/reset-password-routes.js';
import { invitationPageRoutes } from './pages/invitation-routes.js';
import { invitationRoutes } from './routes/invitations/invitations.js';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../services/sign-in.js';
import { requestLanguage, sendError } from './problem.js';
import { nameConflictAuthor } from '../services/author-names.js';
import { catalogueRoutes } from './routes/catalogue/catalogue.js';
import { cycleRoutes } from './routes/cycles/cycles.js';
import { questionnaireRoutes } from './routes/questionnaires/questionnaires.js';
import { codeRoutes } from './routes/codes/codes.js';
import { figureRoutes } from './routes/figures/figures.js';
import { synthesisRoutes } from './routes/syntheses/syntheses.js';
import { synthesisPublicationRoutes } from './routes/syntheses/publication.js';
import { Review } from './routes/reviews/schema.js';
import { ExportJob } from './routes/exports/schema.js';
import { ImportReport } from './routes/imports/schema.js';
import { importRoutes } from './routes/imports/imports.js';
import { contributionRoutes } from './routes/contributions/contributions.js';
import { publicationRoutes } from './routes/publications/publications.js';
import { submissionRoutes } from './routes/submissions/submissions.js';
import { translationRoutes } from './routes/translations/translations.js';
import { practiceRoutes } from './routes/practices/practices.js';
import { trackingRoutes } from './routes/tracking/tracking.js';
import { countryGroupRoutes } from './routes/country-groups/country-groups.js';
import { sideBySideRoutes } from './routes/side-by-side/side-by-side.js';
import { changeRoutes } from './routes/changes/changes.js';
import { blankQuestionnaireRoutes } from './routes/blank-questionnaire/blank-questionnaire.js';
import { reminderRoutes } from './routes/tracking/reminders.js';
import { reviewRoutes } from './routes/reviews/reviews.js';
import { exportRoutes } from './routes/exports/exports.js';
import { searchRoutes } from './routes/search/search.js';
import { workspaceRoutes } from './routes/workspace/workspace.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../domain/read-limits.js';
import { OidcLogin } from '../services/oidc.js';
import { checkHealth } from '../services/check-health.js';
import { smtpMailer } from '../services/send-mail.js';
import { oidcRoutes } from './oidc-routes.js';
import { SECURITY_SCHEMES, SHARED_SCHEMAS } from './contract.js';
import { checkResponsesAgainstSchemas, requireContract } from './contract-checks.js';

const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

/**
 * The schemas routes refer to by $id: registered once (app.addSchema), named in the OpenAPI
 * document's components, and known to the response check.
 */
const NAMED_SCHEMAS = [...SHARED_SCHEMAS, Review, ExportJob, ImportReport];

export interface ServerOptions {
  storage: Storage;
  logLevel?: string;
  /** Bounds of file imports (the configuration's importMaxBytes and importLimits). */
  importLimits?: ReadLimits;
  /** Trust X-Forwarded-* headers (PACTE_TRUST_PROXY): the request's protocol is the client's. */
  trustProxy?: boolean;
  /** Failed sign-ins allowed per address and window (PACTE_LOGIN_MAX_FAILURES, PACTE_LOGIN_WINDOW_MINUTES). */
  loginLimits?: LoginLimits;
  /** Largest evidence file of a contribution (PACTE_EVIDENCE_MAX_BYTES). */
  evidenceMaxBytes?: number;
  /** Sign-in with an OpenID Connect provider (PACTE_OIDC_*); none when absent. */
  oidc?: OidcSettings | undefined;
  /** E-mail through an SMTP server (PACTE_SMTP_URL, PACTE_MAIL_FROM); none when absent: links are shown instead. */
  mail?: MailSettings | undefined;
  /** Run queued export jobs in this process (default); false leaves them to other instances. */
  exportWorker?: boolean;
  /** Check every JSON response against its route's schema (on under tests: see contract-checks.ts). */
  checkResponses?: boolean;
}

/**
 * The HTTP front door: the API under /api/v1 (documented at /api/openapi.json and /api/docs),
 * the web pages, and /healthz. Routes only translate HTTP to service calls and back.
 */
export async function buildServer({
  storage,
  logLevel = 'info',
  importLimits = DEFAULT_LIMITS,
  trustProxy = false,
  loginLimits = DEFAULT_LOGIN_LIMITS,
  evidenceMaxBytes,
  oidc,
  mail,
  exportWorker = true,
  checkResponses = process.env.NODE_ENV === 'test',
}: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: logLevel,
      // Never log credentials: cookies and authorisation headers are cut from request logs.
      redact: ['req.headers.cookie', 'req.headers.authorization'],
    },
    bodyLimit: 1024 * 1024,
    trustProxy,
    // Unknown properties are refused, not silently dropped (removeAdditional would drop them).
    ajv: { customOptions: { coerceTypes: true, allErrors: false, removeAdditional: false } },
  });

  for (const schema of NAMED_SCHEMAS) app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pacte API',
        version: VERSION,
        license: { name: 'MIT', identifier: 'MIT' },
        description:
          'Reviews of the Global Compact for Migration. Errors answer {code, message, details} with the HTTP status of the code (docs/errors.md); messages follow ?lang= or Accept-Language (fr, en, ar).',
      },
      tags: [
        { name: 'reviews', description: 'Country reviews and their answers' },
        { name: 'catalogue', description: 'Questionnaires, GCM objectives and principles, countries' },
        { name: 'imports', description: 'Reading review files (text, Word, PDF)' },
        { name: 'workspace', description: 'Preparing a review: tasks, dashboard, answers, workflow, history, audit' },
        { name: 'session', description: 'Signing in and out (a session cookie, or a bearer token)' },
        { name: 'entities', description: 'Ministries, agencies and organisations of each country' },
        { name: 'users', description: 'Accounts and their roles (administrators)' },
        { name: 'countries', description: 'What administrators set for a country (the separation of duties)' },
        { name: 'contributions', description: "Entities' contributions, stakeholders' inputs, evidence, merging" },
        { name: 'search', description: 'Full-text search across the reviews the caller may see' },
        { name: 'publications', description: 'Published versions of reviews, and open data' },
        {
          name: 'cycles',
          description: 'Review cycles of each region: settings, participating countries, opening and closing',
        },
        {
          name: 'submissions',
          description: 'What countries submitted to their regional secretariat, kept as received',
        },
        { name: 'regions', description: 'Regions and their country groups (Maghreb, Gulf Cooperation Council, …)' },
        { name: 'open data', description: 'Everything published, per cycle, as one zip of JSON and CSV' },
      ],
      servers: [{ url: 'http://localhost:8080', description: 'npm start; a deployment serves the same paths' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (json.$id as string) ?? `def-${i}` },
  });
  requireContract(app);
  if (checkResponses) checkResponsesAgainstSchemas(app, NAMED_SCHEMAS);
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    // Not no-referrer: browsers then send `Origin: null` with the pages' own form posts, which
    // the cross-site check (auth.ts) must refuse. same-origin still sends nothing to other sites.
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });
  await authentication(app, storage.db);
  // An edit conflict's author by name, not address (services/author-names.ts).
  app.setErrorHandler(async (error, request, reply) =>
    sendError(await nameConflictAuthor(storage.db, requestLanguage(request), error), request, reply),
  );
  app.setNotFoundHandler((request, reply) =>
    sendError(new PacteError('route.not_found', { path: request.url.split('?')[0] }), request, reply),
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => {
    await checkHealth(storage.db);
    return { status: 'ok', engine: storage.engine, version: VERSION };
  });
  // One SMTP transport for what the server e-mails (invitations, reminders, submissions' fate).
  const mailer = mail ? smtpMailer(mail) : undefined;
  if (mailer) app.addHook('onClose', async () => mailer.close());
  reviewRoutes(app, storage.db, exportRoutes(app, storage.db, { worker: exportWorker }));
  publicationRoutes(app, storage.db);
  submissionRoutes(app, storage.db, mailer);
  translationRoutes(app, storage.db);
  practiceRoutes(app, storage.db);
  trackingRoutes(app, storage.db);
  countryGroupRoutes(app, storage.db);
  sideBySideRoutes(app, storage.db);
  changeRoutes(app, storage.db);
  blankQuestionnaireRoutes(app, storage.db);
  searchRoutes(app, storage.db);
  catalogueRoutes(app, storage.db);
  questionnaireRoutes(app, storage.db);
  cycleRoutes(app, storage.db);
  codeRoutes(app, storage.db);
  figureRoutes(app, storage.db);
  synthesisRoutes(app, storage.db);
  synthesisPublicationRoutes(app, storage.db);
  sessionRoutes(app, storage.db, loginLimits);
  preferenceRoutes(app, storage.db);
  countryRoutes(app, storage.db);
  entityRoutes(app, storage.db);
  workspaceRoutes(app, storage.db);
  userRoutes(app, storage.db);
  invitationRoutes(app, storage.db, mailer);
  reminderRoutes(app, storage.db, mailer);
  const { read } = await importRoutes(app, storage.db, importLimits);
  contributionRoutes(app, storage.db, { evidenceMaxBytes }); // after importRoutes: needs its multipart parser
  pageRoutes(app, storage.db);
  importPageRoutes(app, storage.db, read, importLimits);
  const oidcLogin = oidc ? new OidcLogin(oidc, storage.db) : null;
  oidcRoutes(app, oidcLogin);
  accountPageRoutes(app, storage.db, loginLimits, oidc ? { name: oidc.name } : null);
  resetPasswordPageRoutes(app, storage.db);
  invitationPageRoutes(app, storage.db);
  appRoutes(app);
  return app;
}
