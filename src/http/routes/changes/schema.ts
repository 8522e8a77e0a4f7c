/** The change between two cycles: a country's, and the region's (TypeBox, one schema per route). */
import { Type } from '@sinclair/typebox';
import { BLOCK_CHANGES, FIGURE_CHANGES, QUESTION_CHANGES } from '../../../domain/cycle-change.js';
import {
  CountryCode,
  DateTime,
  FileResponse,
  Lang,
  MultilingualRef,
  Nullable,
  OneOf,
  PUBLIC,
  ReviewKey,
  SIGNED_IN,
  Synthetic,
  problems,
} from '../../contract.js';

const CycleId = ReviewKey.properties.cycle;
const Count = Type.Integer({ minimum: 0 });

const Side = Type.Object(
  {
    cycle: Type.String(),
    source: OneOf(['submission', 'published', 'working'] as const, {
      description: 'the latest submission, the latest published version, or the working copy',
    }),
    number: Nullable(Type.Integer({ minimum: 1, description: 'the submission’s number or the published version' })),
    at: Nullable(DateTime()),
    language: Lang,
  },
  { additionalProperties: false },
);

const BlockText = Nullable(
  Type.Object(
    {
      path: Type.Array(Type.Integer({ minimum: 0 }), { description: '[i] paragraph i, [i, j] item j of list i, …' }),
      text: Type.String(),
    },
    { additionalProperties: false },
  ),
);

const BlockChange = Type.Object(
  {
    op: OneOf(BLOCK_CHANGES),
    earlier: BlockText,
    later: BlockText,
    words: Type.Optional(
      Type.Array(
        Type.Object(
          { op: OneOf(['same', 'added', 'removed'] as const), text: Type.String() },
          { additionalProperties: false },
        ),
        { description: 'a changed block’s words: kept, only earlier (removed), only later (added)' },
      ),
    ),
  },
  { additionalProperties: false },
);

const FigureSide = Nullable(
  Type.Object(
    { value: Type.Number(), unit: Nullable(Type.String()), period: Nullable(Type.String()), quote: Type.String() },
    { additionalProperties: false },
  ),
);

export const Counts = Type.Object(
  {
    questionsChanged: Count,
    questionsOnlyEarlier: Count,
    questionsOnlyLater: Count,
    blocksAdded: Count,
    blocksRemoved: Count,
    blocksChanged: Count,
    figuresChanged: Count,
    figuresNew: Count,
    figuresDropped: Count,
    objectivesAdded: Count,
    objectivesDropped: Count,
  },
  { additionalProperties: false },
);

const rules =
  'Blocks (paragraphs and list items at any depth) are aligned on equal normalised text (NFC, blanks collapsed, ' +
  'lower case); between two aligned blocks, blocks sharing at least half their words (Dice ≥ 0.5) are one block ' +
  'changed, the others added or removed. A figure matches when its kind and its context (three words on each side ' +
  'of the number, digits as #) are the same in the same question. Objectives: those confirmed for any answer.';

export const getCountryChangeSchema = {
  operationId: 'getCountryChange',
  summary: 'What changed in a country’s review from one cycle to another, question by question',
  description:
    'What each reader compares: the country’s focal points and validators (and administrators) their working ' +
    'copies; the region’s secretariat the latest submission of each cycle; anyone else the latest published ' +
    'versions. review.not_found when either cycle has nothing the reader may compare. ' +
    rules,
  tags: ['reviews'],
  security: PUBLIC,
  params: Type.Object({ country: CountryCode }),
  querystring: Type.Object({ from: CycleId, to: CycleId, lang: Type.Optional(Lang) }, { additionalProperties: false }),
  response: {
    200: Type.Object(
      {
        country: Type.String(),
        countryName: MultilingualRef,
        synthetic: Synthetic,
        region: Type.String(),
        from: Side,
        to: Side,
        questions: Type.Array(
          Type.Object(
            {
              earlier: Nullable(Type.String()),
              later: Nullable(Type.String()),
              text: Type.String({ description: 'the question’s wording in the reader’s language' }),
              change: OneOf(QUESTION_CHANGES),
              blocks: Type.Array(BlockChange),
            },
            { additionalProperties: false },
          ),
        ),
        figures: Type.Array(
          Type.Object(
            {
              change: OneOf(FIGURE_CHANGES),
              question: Type.String(),
              kind: OneOf(['count', 'percent', 'amount'] as const),
              earlier: FigureSide,
              later: FigureSide,
            },
            { additionalProperties: false },
          ),
        ),
        objectives: Type.Object(
          { added: Type.Array(Type.Integer()), dropped: Type.Array(Type.Integer()) },
          { additionalProperties: false },
        ),
        counts: Counts,
      },
      { additionalProperties: false },
    ),
    ...problems(400, 404, 422),
  },
};

const regionDescription =
  'For the region’s secretariat (and administrators): each country’s latest submission in the earlier cycle ' +
  'compared with its latest in this one, counted, and the code questions whose confirmed values changed ' +
  '(same question id in both cycles). Anyone else signed in: cycle.not_found. ' +
  rules;

const RegionQuery = Type.Object({ from: CycleId, lang: Type.Optional(Lang) }, { additionalProperties: false });

export const getRegionChangeSchema = {
  operationId: 'getRegionChange',
  summary: 'What changed in each country’s review from an earlier cycle to this one',
  description: regionDescription,
  tags: ['cycles'],
  security: SIGNED_IN,
  params: Type.Object({ cycle: CycleId }),
  querystring: RegionQuery,
  response: {
    200: Type.Object(
      {
        from: Type.String(),
        to: Type.String(),
        region: Type.String(),
        synthetic: Type.Boolean({ description: 'the region is the fictional demo one' }),
        countries: Type.Array(
          Type.Object(
            {
              country: Type.String(),
              countryName: MultilingualRef,
              synthetic: Synthetic,
              from: Type.Object({ number: Type.Integer(), at: DateTime() }, { additionalProperties: false }),
              to: Type.Object({ number: Type.Integer(), at: DateTime() }, { additionalProperties: false }),
              counts: Counts,
              codesCompared: Type.Integer({
                minimum: 0,
                description: 'code questions with confirmed values for the country in both cycles',
              }),
              codes: Type.Array(
                Type.Object(
                  { question: Type.String(), earlier: Type.Array(Type.String()), later: Type.Array(Type.String()) },
                  { additionalProperties: false },
                ),
                { description: 'code questions whose confirmed values changed' },
              ),
            },
            { additionalProperties: false },
          ),
        ),
        notCompared: Type.Array(
          Type.Object(
            {
              country: Type.String(),
              countryName: MultilingualRef,
              synthetic: Synthetic,
              submittedIn: Type.String({ description: 'the only cycle of the two the country submitted in' }),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 404, 422),
  },
};

export const getRegionChangeCsvSchema = {
  operationId: 'getRegionChangeCsv',
  summary: 'The same as CSV: one line per country compared (UTF-8 with a byte order mark)',
  description: regionDescription,
  tags: ['cycles'],
  security: SIGNED_IN,
  params: Type.Object({ cycle: CycleId }),
  querystring: RegionQuery,
  response: { 200: FileResponse(['text/csv'], 'The lines, as an attachment'), ...problems(400, 401, 404, 422) },
};
