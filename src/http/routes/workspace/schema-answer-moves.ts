/** Several answers of a review moved together (issue 12, item 8: bulk work). */
import { Type } from '@sinclair/typebox';
import { ANSWER_STATUSES } from '../../../domain/workflow.js';
import { OneOf, ReviewKey, SIGNED_IN, problems } from '../../contract.js';
import { AnswerKey, tags } from './schema.js';

export const moveAnswersSchema = {
  operationId: 'moveAnswers',
  summary: 'Move several answers to the same status at once, all or nothing',
  description:
    'Each answer is decided as `moveAnswer` decides one (the move from its status, the right, the separation of ' +
    'duties, the comment or reason), in one transaction: if any cannot move, nothing is written and 409 ' +
    '`answers.not_moved` lists in `details.refused` each refused question with its own `code` and `message`. ' +
    'An empty list answers 422 `answers.none_named`, a question named twice `answers.duplicate_questions`, a ' +
    'question the questionnaire lacks `answers.unknown_questions`. Each moved answer is audited and notified ' +
    'as a single move is. `comment` goes with every answer moved (returning or re-opening requires one).',
  tags,
  security: SIGNED_IN,
  params: ReviewKey,
  body: Type.Object(
    {
      // No minItems and no uniqueItems: the service answers the specific codes above.
      questions: Type.Array(AnswerKey.properties.questionId, { maxItems: 500 }),
      to: OneOf(ANSWER_STATUSES),
      comment: Type.Optional(Type.String({ maxLength: 10000 })),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object(
      {
        answers: Type.Array(
          Type.Object(
            { questionId: Type.String(), from: OneOf(ANSWER_STATUSES), status: OneOf(ANSWER_STATUSES) },
            { additionalProperties: false },
          ),
          { description: 'the answers moved, in the questionnaire’s order, with their status before and now' },
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};
