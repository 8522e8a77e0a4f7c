/** The blank questionnaire of a cycle (issue 15, item 3): one schema per route (TypeBox). */
import { Type } from '@sinclair/typebox';
import { FileResponse, Lang, ReviewKey, SIGNED_IN, problems } from '../../contract.js';

export const getBlankQuestionnaireSchema = {
  operationId: 'getBlankQuestionnaire',
  summary: 'The cycle’s questionnaire, blank, as a Word document to fill offline and import back',
  description:
    'Sections and their « Questions | Réponses » tables, guidance notes, check-box content controls for ' +
    'choices, objectives and principles, « Valeur : ____ unit » for numbers (docs/questionnaires.md). ' +
    'For the focal points of the countries taking part in the cycle, the region’s secretariat and ' +
    'administrators. `lang`: the document’s language (default: the cycle’s first language).',
  tags: ['cycles'],
  security: SIGNED_IN,
  params: Type.Object({ cycle: ReviewKey.properties.cycle }),
  querystring: Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false }),
  response: {
    200: FileResponse(
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      'The document, as an attachment',
    ),
    ...problems(400, 401, 403, 404),
  },
};
