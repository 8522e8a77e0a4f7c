/** The regional figures: a code's counts (JSON, SVG, PNG) and the objectives × countries matrix (TypeBox). */
import { Type } from '@sinclair/typebox';
import { FileResponse, Lang, MultilingualRef, Nullable, OneOf, PUBLIC, ReviewKey, problems } from '../../contract.js';

const tags = ['cycles'];
const Group = Type.String({ minLength: 1, maxLength: 100, description: 'a country group of the cycle’s region' });
const CodeParams = Type.Object({
  cycle: ReviewKey.properties.cycle,
  questionId: Type.String({ minLength: 1, maxLength: 32, examples: ['I.a'] }),
});
const Query = Type.Object({ lang: Type.Optional(Lang), group: Type.Optional(Group) }, { additionalProperties: false });
const Source = OneOf(['submission', 'published'] as const, {
  description:
    'what was counted: the latest submissions not returned (the region’s secretariat, its translators, ' +
    'administrators), or published answers only (anyone else)',
});
const Country = Type.Object(
  {
    code: Type.String({ examples: ['MAR'] }),
    name: Type.String({ description: 'in the reader’s language' }),
    synthetic: Type.Boolean({ description: 'a fictional country of the demo region: synthetic data' }),
  },
  { additionalProperties: false },
);

const figuresDescription =
  'CONFIRMED codings only (a correction counts as confirmed; rejected and merely suggested codings do not); a ' +
  '`multiple` code counts a country once per value it has. The region’s secretariat counts the codings of each ' +
  'country’s latest submission not returned; anyone else, signed out included, published answers only: a ' +
  'country counts when its latest published version’s answer to the question is the coded one, else it is left ' +
  'out. A planned cycle is cycle.not_found except to its secretariat.';

export const getCodeFiguresSchema = {
  operationId: 'getCodeFigures',
  summary: 'How many countries’ answers were coded with each value of a question’s code',
  description: figuresDescription,
  tags,
  security: PUBLIC,
  params: CodeParams,
  querystring: Query,
  response: {
    200: Type.Object(
      {
        cycle: Type.String(),
        region: Type.String(),
        questionId: Type.String(),
        source: Source,
        countedFrom: OneOf(['codings', 'values'] as const, {
          description:
            'the code’s confirmed codings; or, for a choice, objectives or principles question without a code, the answers’ values (each option a value)',
        }),
        code: Type.Object(
          {
            kind: OneOf(['single', 'multiple'] as const),
            name: Type.String({ description: 'in the reader’s language' }),
            names: MultilingualRef,
          },
          { additionalProperties: false },
        ),
        group: Nullable(Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false })),
        totalCountries: Type.Integer({
          minimum: 0,
          description: 'the cycle’s countries (or the group’s among them): N',
        }),
        codedCountries: Type.Integer({ minimum: 0, description: 'of them, those with a confirmed coding counted' }),
        values: Type.Array(
          Type.Object(
            {
              key: Type.String(),
              label: Type.String({ description: 'in the reader’s language' }),
              count: Type.Integer({ minimum: 0 }),
              countries: Type.Array(Country, { description: 'sorted by name in the reader’s language' }),
            },
            { additionalProperties: false },
          ),
          { description: 'in the code’s order' },
        ),
        groups: Type.Array(
          Type.Object(
            {
              id: Type.String(),
              name: Type.String(),
              values: Type.Array(
                Type.Object(
                  { key: Type.String(), count: Type.Integer({ minimum: 0 }) },
                  { additionalProperties: false },
                ),
              ),
            },
            { additionalProperties: false },
          ),
          { description: 'the same counts for each of the region’s groups' },
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 404),
  },
};

const chartDescription =
  'The same figures as a horizontal bar chart (Vega-Lite 5, drawn on the server), in the reader’s language ' +
  '(`lang`; in Arabic mirrored: labels on the right, bars growing right to left). Each bar links to the answers ' +
  'behind it: the app’s coding page for the secretariat, the portal’s published answers for anyone else. ' +
  figuresDescription;

export const getCodeFiguresSvgSchema = {
  operationId: 'getCodeFiguresSvg',
  summary: 'A code’s figures as an SVG chart',
  description: chartDescription,
  tags,
  security: PUBLIC,
  params: CodeParams,
  querystring: Query,
  response: { 200: FileResponse(['image/svg+xml'], 'The chart, to show inline'), ...problems(400, 404) },
};

export const getCodeFiguresPngSchema = {
  operationId: 'getCodeFiguresPng',
  summary: 'A code’s figures as a PNG chart (for documents)',
  description: `${chartDescription} Rasterised at twice the SVG's size with the Noto fonts.`,
  tags,
  security: PUBLIC,
  params: CodeParams,
  querystring: Query,
  response: { 200: FileResponse(['image/png'], 'The chart'), ...problems(400, 404) },
};

export const getObjectivesMatrixSchema = {
  operationId: 'getObjectivesMatrix',
  summary: 'The GCM objectives each country’s answers confirm',
  description:
    'Objectives CONFIRMED on any answer, country by country: the region’s secretariat reads each country’s ' +
    'latest submission not returned, anyone else the latest published versions. Countries sorted by name in the ' +
    'reader’s language. A planned cycle is cycle.not_found except to its secretariat.',
  tags,
  security: PUBLIC,
  params: Type.Object({ cycle: ReviewKey.properties.cycle }),
  querystring: Query,
  response: {
    200: Type.Object(
      {
        cycle: Type.String(),
        region: Type.String(),
        source: Source,
        objectives: Type.Array(
          Type.Object({ number: Type.Integer(), title: Type.String() }, { additionalProperties: false }),
        ),
        countries: Type.Array(
          Type.Object(
            {
              code: Type.String(),
              name: Type.String(),
              synthetic: Type.Boolean(),
              objectives: Type.Array(Type.Integer(), { description: 'confirmed, ascending' }),
            },
            { additionalProperties: false },
          ),
        ),
        totals: Type.Array(
          Type.Object({ number: Type.Integer(), count: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 404),
  },
};
