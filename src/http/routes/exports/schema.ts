/** JSON Schemas of the export job routes: they validate input and document the API (OpenAPI). */

const problem = { $ref: 'Problem#' } as const;

const job = {
  type: 'object',
  required: ['id', 'status', 'progress', 'links'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid', description: 'Random: an anonymous job is read by whoever has its id' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    progress: { type: 'integer', minimum: 0, maximum: 100 },
    error: {
      type: 'string',
      description: 'When failed: the error code (docs/errors.md), e.g. review.not_found or job.interrupted',
    },
    links: {
      type: 'object',
      required: ['self'],
      additionalProperties: false,
      properties: {
        self: { type: 'string', examples: ['/api/v1/jobs/9b2f…'] },
        download: { type: 'string', description: 'When done: the file', examples: ['/api/v1/jobs/9b2f…/file'] },
      },
    },
  },
} as const;

const exportParameters = {
  format: {
    type: 'string',
    maxLength: 16,
    description: 'pdf | docx | html | csv | json (another: export.unsupported_format)',
    examples: ['pdf'],
  },
  lang: {
    type: 'string',
    enum: ['fr', 'en', 'ar'],
    description: 'Language of the document around the answers (else Accept-Language, else the review’s own).',
  },
  layout: {
    type: 'string',
    maxLength: 16,
    description: 'DOCX: table (default) or paragraphs; PDF: table (another: export.unsupported_layout)',
  },
} as const;

/** The 202 of an export that runs as a job (POST /api/v1/exports, GET …/export?format=pdf). */
export const jobAccepted = {
  description:
    'The job is queued: poll its `links.self` (also in Location) until it is done, then fetch `links.download`.',
  ...job,
} as const;

export const createExportSchema = {
  summary: 'Export a review in the background (any format; PDF only this way)',
  description:
    'For whoever may read the review (a published one: anyone; else review.not_found), checked now and again ' +
    'when the job runs, with the requester’s rights as they are then. Answers 202 at once with the job; ' +
    'only the requester sees it (an anonymous job: whoever has its id). Finished jobs are deleted after a day. ' +
    'Recorded in the audit log when the file is made.',
  tags: ['reviews'],
  body: {
    type: 'object',
    required: ['country', 'cycle', 'format'],
    additionalProperties: false,
    properties: {
      country: { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3, e.g. MAR' },
      cycle: { type: 'string', pattern: '^[a-z0-9-]{1,64}$', description: 'e.g. arab-2021' },
      ...exportParameters,
      version: {
        type: 'integer',
        minimum: 1,
        description: 'One published version (else the latest; review.version_not_found if there is none such)',
      },
    },
  },
  response: { 202: jobAccepted, 400: problem, 404: problem, 422: problem },
} as const;

const jobParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64, description: 'The job’s id' } },
} as const;

export const getJobSchema = {
  summary: 'An export job: its status and progress',
  description: 'Only its requester sees it (an anonymous job: whoever has its id); anyone else: job.not_found.',
  tags: ['reviews'],
  params: jobParams,
  response: { 200: job, 404: problem },
} as const;

export const getJobFileSchema = {
  summary: 'The file of a finished export job',
  description: 'job.not_ready (409) until the job is done; job.failed (409) if it failed.',
  tags: ['reviews'],
  params: jobParams,
  response: {
    200: {
      description: 'The file, as an attachment (Content-Disposition with an RFC 5987 filename*)',
      type: 'string',
      format: 'binary',
    },
    404: problem,
    409: problem,
  },
} as const;

export { exportParameters };
