import type { Static } from '@sinclair/typebox';
import type { CycleSubmission, SubmissionEvent, SubmissionRow } from '../../db/queries/submissions.js';
import type { SubmissionRecord } from '../../services/get-submission.js';
import {
  SUBMISSION_EVENT_KINDS,
  type getSubmissionSchema,
  type listCycleSubmissionsSchema,
  type SubmissionSummary,
} from '../routes/submissions/schema.js';
import { known } from './known.js';
import { presentReview, reviewUrl } from './reviews.js';

/** The address of a submission in the API: it never changes, nor does what it holds. */
export const submissionUrl = (country: string, cycle: string, number: number) =>
  `${reviewUrl(country, cycle)}/submissions/${number}`;

/** Who acted on a submission (for nameAuthors: names, not addresses). */
export const submissionAuthors = (s: SubmissionRow): string[] =>
  [s.submittedBy, s.acknowledgedBy, s.returnedBy].filter((a): a is string => typeof a === 'string');

/** A submission, without the review it holds. */
export function presentSubmission(
  country: string,
  cycle: string,
  s: SubmissionRow,
  nameOf: (author: string) => string,
): Static<typeof SubmissionSummary> {
  return {
    number: s.number,
    submittedAt: s.submittedAt.toISOString(),
    submittedBy: s.submittedBy,
    submittedByName: nameOf(s.submittedBy),
    note: s.note,
    acknowledged:
      s.acknowledgedAt && s.acknowledgedBy
        ? { by: s.acknowledgedBy, byName: nameOf(s.acknowledgedBy), at: new Date(s.acknowledgedAt).toISOString() }
        : null,
    returned:
      s.returnedAt && s.returnedBy
        ? {
            by: s.returnedBy,
            byName: nameOf(s.returnedBy),
            at: new Date(s.returnedAt).toISOString(),
            reason: s.returnReason,
          }
        : null,
    comments: Number(s.comments),
    url: submissionUrl(country, cycle, s.number),
  };
}

/** What happened to a submission: an acknowledgement, a comment, a return. */
export function presentSubmissionEvent(event: SubmissionEvent, nameOf: (author: string) => string) {
  return {
    id: event.id,
    kind: known(SUBMISSION_EVENT_KINDS, event.kind),
    by: event.actor,
    byName: nameOf(event.actor),
    at: event.createdAt.toISOString(),
    text: event.body,
  };
}

/** One submission with the review JSON as it was sent. */
export function presentSubmissionRecord(
  record: SubmissionRecord,
  nameOf: (author: string) => string,
): Static<(typeof getSubmissionSchema.response)[200]> {
  return {
    ...presentSubmission(record.country, record.cycle, record, nameOf),
    country: record.country,
    cycle: record.cycle,
    events: record.events.map((event) => presentSubmissionEvent(event, nameOf)),
    review: presentReview(record.review),
  };
}

/** Each country of a cycle with its latest submission. */
export function presentCycleSubmissions(
  list: {
    cycle: string;
    region: string;
    submissions: CycleSubmission[];
  },
  nameOf: (author: string) => string,
): Static<(typeof listCycleSubmissionsSchema.response)[200]> {
  return {
    cycle: list.cycle,
    region: list.region,
    submissions: list.submissions.map((s) => ({
      country: s.country,
      countryName: s.countryName,
      synthetic: s.synthetic,
      latest: presentSubmission(s.country, list.cycle, s, nameOf),
    })),
  };
}
