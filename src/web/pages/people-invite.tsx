import { useState } from 'react';
import { errorsOf, Form, SelectField, TextField, type FieldError } from '../components/form.js';
import { Link } from '../components/link.js';
import { ApiError, post } from '../lib/api.js';
import { useApiMutation } from '../lib/query.js';
import { isolate } from '../lib/bidi.js';
import { useLocale } from '../lib/i18n.js';
import type { InvitationCreated } from '../lib/types.js';

/** A country or an entity the inviter may give a role for, with its name in the reader's language. */
export interface Choice {
  value: string;
  label: string;
}

const COUNTRY_ROLES = ['focal_point', 'validator'];
const FIELD = {
  name: 'invite-name',
  email: 'invite-email',
  role: 'invite-role',
  country: 'invite-country',
  entity: 'invite-entity',
};

/** The field an API refusal is about, for the error summary's link. */
function fieldOf(error: unknown): string {
  const code = error instanceof ApiError ? error.code : '';
  if (code.startsWith('entity.')) return FIELD.entity;
  if (code.includes('country')) return FIELD.country;
  if (code === 'user.invalid_role') return FIELD.role;
  if (code === 'user.invalid_name') return FIELD.name;
  return FIELD.email;
}

/**
 * Invite someone by e-mail to one of the roles the inviter may give: a secretariat, the focal
 * points and validators of its region's countries (a deputy is one more focal point); a focal
 * point, the contributors and stakeholders of its country's entities. With a mail server the
 * one-time link is e-mailed; without one it is shown here, to be handed over.
 */
export function InviteForm(props: { roles: string[]; countries: Choice[]; entities: Choice[] }) {
  const { t } = useLocale();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState(props.roles[0] ?? '');
  const [country, setCountry] = useState('');
  const [entity, setEntity] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<InvitationCreated | null>(null);
  // A new invitation: the pending invitations listed above the form.
  const inviting = useApiMutation(
    (body: Record<string, unknown>) => post<InvitationCreated>('/invitations', body),
    ['/invitations'],
  );
  const byCountry = COUNTRY_ROLES.includes(role);

  const submit = async () => {
    const found: FieldError[] = [];
    // The name people will read instead of the address (the person may correct it when accepting).
    if (!name.trim()) found.push({ field: FIELD.name, message: t('people.name_required') });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.push({ field: FIELD.email, message: t('people.email_required') });
    if (byCountry && !country) found.push({ field: FIELD.country, message: t('people.country_required') });
    if (!byCountry && !entity) found.push({ field: FIELD.entity, message: t('people.entity_required') });
    setErrors(found);
    setResult(null);
    if (found.length) return;
    try {
      const created = await inviting.mutateAsync({
        name: name.trim(),
        email: email.trim(),
        role,
        ...(byCountry ? { country } : { entity: Number(entity) }),
      });
      setResult(created);
      setName('');
      setEmail('');
    } catch (error) {
      setErrors(errorsOf(error, fieldOf(error)));
    }
  };

  return (
    <section aria-labelledby="people-invite">
      <h2 id="people-invite">{t('people.invite_title')}</h2>
      {result && (
        <div className="notice" role="status">
          <p>
            {result.sent
              ? t('people.invited_sent', { email: isolate(invitee(result.invitation)) })
              : t('people.invited_link', { email: isolate(invitee(result.invitation)) })}
          </p>
          {result.link && (
            <p>
              <label htmlFor="invite-link">{t('people.link')}</label>
              <input id="invite-link" type="text" dir="ltr" readOnly value={result.link} className="invite-link" />
            </p>
          )}
        </div>
      )}
      <Form errors={errors} onSubmit={submit}>
        <TextField
          id={FIELD.name}
          label={t('people.name')}
          hint={t('people.name_hint')}
          errors={errors}
          autoComplete="off"
          value={name}
          onChange={setName}
        />
        <TextField
          id={FIELD.email}
          type="email"
          label={t('people.email')}
          errors={errors}
          autoComplete="off"
          value={email}
          onChange={setEmail}
        />
        <SelectField
          id={FIELD.role}
          label={t('people.role')}
          hint={byCountry ? t('people.role_hint_country') : t('people.role_hint_entity')}
          errors={errors}
          value={role}
          onChange={setRole}
          options={props.roles.map((r) => ({ value: r, label: t(ROLE_LABELS[r] ?? r) }))}
        />
        {byCountry ? (
          <SelectField
            id={FIELD.country}
            label={t('people.country')}
            errors={errors}
            value={country}
            onChange={setCountry}
            placeholder={t('people.choose_country')}
            options={props.countries}
          />
        ) : (
          <SelectField
            id={FIELD.entity}
            label={t('people.entity')}
            hint={props.entities.length === 0 && <Link to="/admin/entities">{t('people.no_entities')}</Link>}
            errors={errors}
            value={entity}
            onChange={setEntity}
            placeholder={t('people.choose_entity')}
            options={props.entities}
          />
        )}
        <button type="submit" className="button" disabled={inviting.isPending}>
          {t('people.invite_submit')}
        </button>
      </Form>
    </section>
  );
}

/** Who was invited, as the confirmation names them: « Salma Idrissi (salma@…) », else the address. */
const invitee = (invitation: { name?: string | null; email: string }) =>
  invitation.name ? `${invitation.name} (${invitation.email})` : invitation.email;

/** The roles' names, keys written out (the catalogue test finds them used). */
export const ROLE_LABELS: Record<string, string> = {
  admin: 'role.admin',
  secretariat: 'role.secretariat',
  focal_point: 'role.focal_point',
  validator: 'role.validator',
  contributor: 'role.contributor',
  stakeholder: 'role.stakeholder',
  translator: 'role.translator',
};
