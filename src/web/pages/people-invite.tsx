import { useState, type FormEvent } from 'react';
import { describedBy, ErrorSummary, FieldMessage, type FieldError } from '../components/error-summary.js';
import { Link } from '../components/link.js';
import { messageOf } from '../components/moves.js';
import { ApiError, post } from '../lib/api.js';
import { isolate } from '../lib/bidi.js';
import { useLocale } from '../lib/i18n.js';
import type { InvitationCreated } from '../lib/types.js';

/** A country or an entity the inviter may give a role for, with its name in the reader's language. */
export interface Choice {
  value: string;
  label: string;
}

const COUNTRY_ROLES = ['focal_point', 'validator'];
const FIELD = { email: 'invite-email', role: 'invite-role', country: 'invite-country', entity: 'invite-entity' };

/** The field an API refusal is about, for the error summary's link. */
function fieldOf(error: unknown): string {
  const code = error instanceof ApiError ? error.code : '';
  if (code.startsWith('entity.')) return FIELD.entity;
  if (code.includes('country')) return FIELD.country;
  if (code === 'user.invalid_role') return FIELD.role;
  return FIELD.email;
}

/**
 * Invite someone by e-mail to one of the roles the inviter may give: a secretariat, the focal
 * points and validators of its region's countries (a deputy is one more focal point); a focal
 * point, the contributors and stakeholders of its country's entities. With a mail server the
 * one-time link is e-mailed; without one it is shown here, to be handed over.
 */
export function InviteForm(props: { roles: string[]; countries: Choice[]; entities: Choice[]; onDone: () => void }) {
  const { t } = useLocale();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState(props.roles[0] ?? '');
  const [country, setCountry] = useState('');
  const [entity, setEntity] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<InvitationCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const byCountry = COUNTRY_ROLES.includes(role);
  const invalid = (field: string) => (errors.some((e) => e.field === field) ? ' field-error' : '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.push({ field: FIELD.email, message: t('people.email_required') });
    if (byCountry && !country) found.push({ field: FIELD.country, message: t('people.country_required') });
    if (!byCountry && !entity) found.push({ field: FIELD.entity, message: t('people.entity_required') });
    setErrors(found);
    setResult(null);
    if (found.length) return;
    setBusy(true);
    try {
      const created = await post<InvitationCreated>('/invitations', {
        email: email.trim(),
        role,
        ...(byCountry ? { country } : { entity: Number(entity) }),
      });
      setResult(created);
      setEmail('');
      props.onDone();
    } catch (error) {
      setErrors([{ field: fieldOf(error), message: messageOf(error) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="people-invite">
      <h2 id="people-invite">{t('people.invite_title')}</h2>
      {result && (
        <div className="notice" role="status">
          <p>
            {result.sent
              ? t('people.invited_sent', { email: isolate(result.invitation.email) })
              : t('people.invited_link', { email: isolate(result.invitation.email) })}
          </p>
          {result.link && (
            <p>
              <label htmlFor="invite-link">{t('people.link')}</label>
              <input id="invite-link" type="text" dir="ltr" readOnly value={result.link} className="invite-link" />
            </p>
          )}
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={`field${invalid(FIELD.email)}`}>
          <label htmlFor={FIELD.email}>{t('people.email')}</label>
          <FieldMessage id={FIELD.email} errors={errors} />
          <input
            id={FIELD.email}
            type="email"
            dir="ltr"
            autoComplete="off"
            value={email}
            aria-describedby={describedBy(FIELD.email, errors)}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className={`field${invalid(FIELD.role)}`}>
          <label htmlFor={FIELD.role}>{t('people.role')}</label>
          <p className="hint" id={`${FIELD.role}-hint`}>
            {byCountry ? t('people.role_hint_country') : t('people.role_hint_entity')}
          </p>
          <FieldMessage id={FIELD.role} errors={errors} />
          <select
            id={FIELD.role}
            value={role}
            aria-describedby={describedBy(FIELD.role, errors, `${FIELD.role}-hint`)}
            onChange={(e) => setRole(e.target.value)}
          >
            {props.roles.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABELS[r] ?? r)}
              </option>
            ))}
          </select>
        </div>
        {byCountry ? (
          <div className={`field${invalid(FIELD.country)}`}>
            <label htmlFor={FIELD.country}>{t('people.country')}</label>
            <FieldMessage id={FIELD.country} errors={errors} />
            <select
              id={FIELD.country}
              value={country}
              aria-describedby={describedBy(FIELD.country, errors)}
              onChange={(e) => setCountry(e.target.value)}
            >
              <option value="">{t('people.choose_country')}</option>
              {props.countries.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className={`field${invalid(FIELD.entity)}`}>
            <label htmlFor={FIELD.entity}>{t('people.entity')}</label>
            {props.entities.length === 0 && (
              <p className="hint" id={`${FIELD.entity}-hint`}>
                <Link to="/admin/entities">{t('people.no_entities')}</Link>
              </p>
            )}
            <FieldMessage id={FIELD.entity} errors={errors} />
            <select
              id={FIELD.entity}
              value={entity}
              aria-describedby={describedBy(
                FIELD.entity,
                errors,
                props.entities.length === 0 ? `${FIELD.entity}-hint` : undefined,
              )}
              onChange={(e) => setEntity(e.target.value)}
            >
              <option value="">{t('people.choose_entity')}</option>
              {props.entities.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="button" disabled={busy}>
          {t('people.invite_submit')}
        </button>
      </form>
    </section>
  );
}

/** The roles' names, keys written out (the catalogue test finds them used). */
export const ROLE_LABELS: Record<string, string> = {
  admin: 'role.admin',
  secretariat: 'role.secretariat',
  focal_point: 'role.focal_point',
  validator: 'role.validator',
  contributor: 'role.contributor',
  stakeholder: 'role.stakeholder',
};
