/** TypeBox schemas of a country's settings (migration 024). */
import { Type } from '@sinclair/typebox';
import { CountryCode, DateTime, SIGNED_IN, problems } from '../../contract.js';

const tags = ['countries'];

const selfApproval = Type.Boolean({
  description:
    'true: the separation of duties is waived for this country — whoever wrote an answer’s current text (its ' +
    'latest revision) may approve it; false (the default): another member of the team (a validator) approves it, ' +
    'and the author is refused answer.self_approval',
});

export const CountrySettings = Type.Object(
  { country: Type.String({ description: 'ISO 3166-1 alpha-3' }), selfApproval },
  { additionalProperties: false },
);

const params = Type.Object({ country: CountryCode });

export const getCountrySettingsSchema = {
  operationId: 'getCountrySettings',
  summary: 'A country’s settings: whether the separation of duties is waived (administrators, the country’s team)',
  tags,
  security: SIGNED_IN,
  params,
  response: {
    200: Type.Object(
      {
        ...CountrySettings.properties,
        changes: Type.Array(
          Type.Object(
            {
              at: DateTime(),
              actor: Type.String({ description: 'as recorded: an e-mail address, or cli:<system user>' }),
              actorName: Type.String({ description: 'who, as people read it (display name, else address)' }),
              selfApproval: Type.Boolean({ description: 'the waiver as the change left it' }),
            },
            { additionalProperties: false },
          ),
          {
            description:
              'for administrators: the audited changes of these settings (country.settings), newest first, the ' +
              'latest 10; empty for the country’s team',
          },
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(401, 403, 404),
  },
};

export const setCountrySettingsSchema = {
  operationId: 'setCountrySettings',
  summary: 'Waive or restore the separation of duties for a country (administrators); what is not given stays',
  description: 'Audited when it changes (country.settings, with the settings before and after).',
  tags,
  security: SIGNED_IN,
  params,
  body: Type.Object({ selfApproval: Type.Optional(selfApproval) }, { additionalProperties: false }),
  response: { 200: CountrySettings, ...problems(400, 401, 403, 404) },
};
