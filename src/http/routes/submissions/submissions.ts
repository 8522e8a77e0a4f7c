import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { acknowledgeSubmission } from '../../../services/acknowledge-submission.js';
import { commentOnSubmission } from '../../../services/comment-on-submission.js';
import { getSubmission } from '../../../services/get-submission.js';
import { listCycleSubmissions } from '../../../services/list-cycle-submissions.js';
import { listReviewSubmissions } from '../../../services/list-submissions.js';
import { returnSubmission } from '../../../services/return-submission.js';
import { nameAuthors } from '../../../services/author-names.js';
import { requestLanguage } from '../../problem.js';
import type { Mailer } from '../../../services/send-mail.js';
import {
  presentCycleSubmissions,
  presentSubmission,
  presentSubmissionEvent,
  presentSubmissionRecord,
  submissionAuthors,
} from '../../presenters/submissions.js';
import {
  acknowledgeSubmissionSchema,
  commentOnSubmissionSchema,
  getSubmissionSchema,
  listCycleSubmissionsSchema,
  listReviewSubmissionsSchema,
  returnSubmissionSchema,
} from './schema.js';

const REVIEW = '/api/v1/reviews/:country/:cycle/submissions';
const SUBMISSION = `${REVIEW}/:number`;

/**
 * What countries submitted to their regional secretariat, and what the secretariat does with it
 * (an acknowledgement or a return is e-mailed to the focal points through `mailer`, if any).
 */
export function submissionRoutes(app: FastifyInstance, db: Db, mailer: Mailer | undefined) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  /** Who acted, as people read it, in the request's language (services/author-names.ts). */
  const names = (request: FastifyRequest, authors: string[]) => nameAuthors(db, requestLanguage(request), authors);

  api.get('/api/v1/cycles/:cycle/submissions', { schema: listCycleSubmissionsSchema }, async (request) => {
    const list = await listCycleSubmissions(db, request.actor, request.params.cycle);
    return presentCycleSubmissions(list, await names(request, list.submissions.flatMap(submissionAuthors)));
  });

  api.get(REVIEW, { schema: listReviewSubmissionsSchema }, async (request) => {
    const { country, cycle, submissions } = await listReviewSubmissions(db, request.actor, request.params);
    const nameOf = await names(request, submissions.flatMap(submissionAuthors));
    return { country, cycle, submissions: submissions.map((s) => presentSubmission(country, cycle, s, nameOf)) };
  });

  api.get(SUBMISSION, { schema: getSubmissionSchema }, async (request) => {
    const record = await getSubmission(db, request.actor, request.params);
    return presentSubmissionRecord(
      record,
      await names(request, [...record.events.map((e) => e.actor), ...submissionAuthors(record)]),
    );
  });

  api.post(`${SUBMISSION}/acknowledgement`, { schema: acknowledgeSubmissionSchema }, async (request, reply) => {
    const event = await acknowledgeSubmission(db, request.actor, request.params, mailer);
    return reply.status(201).send(presentSubmissionEvent(event, await names(request, [event.actor])));
  });

  api.post(`${SUBMISSION}/comments`, { schema: commentOnSubmissionSchema }, async (request, reply) => {
    const event = await commentOnSubmission(db, request.actor, request.params, request.body.body);
    return reply.status(201).send(presentSubmissionEvent(event, await names(request, [event.actor])));
  });

  api.post(`${SUBMISSION}/return`, { schema: returnSubmissionSchema }, async (request) =>
    returnSubmission(db, request.actor, request.params, request.body, mailer),
  );
}
