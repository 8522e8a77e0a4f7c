/** Export jobs: one schema per route (TypeBox); it validates input, types the handler and documents the API. */
import { Type, type Static } from '@sinclair/typebox';
import { LANGUAGES } from '../../../domain/language.js';
import { FileResponse, OneOf, PUBLIC, ReviewKey, problems, refTo } from '../../contract.js';

/** What an export job is at (services/export-jobs.ts). */
const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const ExportJob = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Random: an anonymous job is read by whoever has its id' }),
    status: OneOf(JOB_STATUSES),
    progress: Type.Integer({ minimum: 0, maximum: 100 }),
    error: Type.Optional(
      Type.String({
        description: 'When failed: the error code (docs/errors.md), e.g. review.not_found or job.interrupted',
      }),
    ),
    links: Type.Object(
      {
        self: Type.String({ examples: ['/api/v1/jobs/9b2f…'] }),
        download: Type.Optional(
          Type.String({ description: 'When done: the file', examples: ['/api/v1/jobs/9b2f…/file'] }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'ExportJob', additionalProperties: false, description: 'An export job: what it is at, and its links.' },
);

/** The 202 of an export that runs as a job (POST /api/v1/exports, GET …/export?format=pdf). */
export const JobAccepted = Type.Unsafe<Static<typeof ExportJob>>({
  ...refTo(ExportJob),
  description:
    'The job is queued: poll its `links.self` (also in Location) until it is done, then fetch `links.download`.',
});

/** The export's options, in the query of GET …/export and the body of POST /api/v1/exports. */
export const ExportOptions = {
  format: Type.String({
    maxLength: 16,
    // Not an enum: another format is answered export.unsupported_format (422) with the list.
    description: 'pdf | docx | html | csv | json (another: export.unsupported_format)',
    examples: ['pdf'],
  }),
  lang: Type.Optional(
    OneOf(LANGUAGES, {
      description: 'Language of the document around the answers (else Accept-Language, else the review’s own).',
    }),
  ),
  layout: Type.Optional(
    // Not an enum: another layout is answered export.unsupported_layout (422).
    Type.String({
      maxLength: 16,
      description: 'DOCX: table (default, « Questions | Réponses ») or paragraphs; PDF: table',
    }),
  ),
};

export const createExportJobSchema = {
  operationId: 'createExportJob',
  summary: 'Export a review in the background (any format; PDF only this way)',
  description:
    'For whoever may read the review (a published one: anyone; else review.not_found), checked now and again ' +
    'when the job runs, with the requester’s rights as they are then. Answers 202 at once with the job; ' +
    'only the requester sees it (an anonymous job: whoever has its id). Finished jobs are deleted after a day. ' +
    'At most 5 unfinished jobs per requester and 100 in all (job.too_many). Recorded in the audit log when ' +
    'the file is made.',
  tags: ['reviews'],
  security: PUBLIC,
  body: Type.Object(
    {
      ...ReviewKey.properties,
      ...ExportOptions,
      version: Type.Optional(
        Type.Integer({
          minimum: 1,
          description: 'One published version (else the latest; review.version_not_found if there is none such)',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  // 403: a browser's write from another site (request.cross_site).
  response: { 202: JobAccepted, ...problems(400, 403, 404, 422, 429, 503) },
};

const JobParams = Type.Object({ id: Type.String({ maxLength: 64, description: 'The job’s id' }) });

export const getExportJobSchema = {
  operationId: 'getExportJob',
  summary: 'An export job: its status and progress',
  description: 'Only its requester sees it (an anonymous job: whoever has its id); anyone else: job.not_found.',
  tags: ['reviews'],
  security: PUBLIC,
  params: JobParams,
  response: { 200: refTo(ExportJob), ...problems(400, 404) },
};

/** The media types of the exported files (services/export-review.ts, MEDIA_TYPES). */
export const EXPORT_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/html',
  'text/csv',
  'application/json',
];

export const downloadExportJobSchema = {
  operationId: 'downloadExportJob',
  summary: 'The file of a finished export job',
  description: 'job.not_ready (409) until the job is done; job.failed (409) if it failed.',
  tags: ['reviews'],
  security: PUBLIC,
  params: JobParams,
  response: {
    200: FileResponse(
      EXPORT_MEDIA_TYPES,
      'The file, as an attachment (Content-Disposition with an RFC 5987 filename*)',
    ),
    ...problems(400, 404, 409),
  },
};
