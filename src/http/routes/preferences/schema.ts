/** TypeBox schemas of the signed-in person's own preferences (migration 021). */
import { Type } from '@sinclair/typebox';
import { Lang, Nullable, OneOf, SIGNED_IN, problems } from '../../contract.js';

const tags = ['session'];

export const MailPreferences = Type.Object(
  {
    mailDelivery: OneOf(['immediate', 'daily'] as const, {
      description:
        'immediate: each e-mail (a reminder…) as it happens; daily: held, and sent as one digest a day listing ' +
        'them. In-app notifications appear at once either way.',
    }),
    language: Nullable({ ...Lang, description: 'the language of one’s e-mail; null: the cycle’s first language' }),
  },
  { additionalProperties: false },
);

export const getPreferencesSchema = {
  operationId: 'getPreferences',
  summary: 'How the signed-in person receives Pacte’s e-mail',
  tags,
  security: SIGNED_IN,
  response: { 200: MailPreferences, ...problems(401) },
};

export const setPreferencesSchema = {
  operationId: 'setPreferences',
  summary: 'Choose how one receives Pacte’s e-mail: at once or in a daily digest, and in which language',
  description:
    'One’s own preferences only. Audited when they change (account.mail_preferences). E-mail held for a digest ' +
    'goes at the next run (`pacte serve` checks every hour; `pacte mail digest` once) once the last digest is a ' +
    'day old; going back to immediate sends what was held at the next run.',
  tags,
  security: SIGNED_IN,
  body: MailPreferences,
  response: { 200: MailPreferences, ...problems(400, 401, 403) },
};
