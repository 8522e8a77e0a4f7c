import { useState, type FormEvent } from 'react';
import { ENTITY_CATEGORIES } from '../../domain/entities.js';
import { MIN_PASSWORD } from '../../domain/password.js';
import { ROLES } from '../../domain/permissions.js';
import { describedBy, ErrorSummary, FieldMessage, type FieldError } from '../components/error-summary.js';
import { messageOf } from '../components/moves.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { post } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import { focalCountries, useSession } from '../lib/session.js';
import type { Entity, User } from '../lib/types.js';
import { useData } from '../lib/use-data.js';

function Field(props: {
  id: string;
  label: string;
  errors: FieldError[];
  hint?: string;
  children: (describedBy: string | undefined) => React.ReactNode;
}) {
  const invalid = props.errors.some((e) => e.field === props.id);
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className={`field${invalid ? ' field-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <FieldMessage id={props.id} errors={props.errors} />
      {props.children(describedBy(props.id, props.errors, hintId))}
    </div>
  );
}

/** Entities of the countries one manages: the list, and a form to add one. */
export function AdminEntitiesPage() {
  const { t } = useLocale();
  const { session } = useSession();
  const entities = useData<{ entities: Entity[] }>('/entities');
  const countries = focalCountries(session);
  const [country, setCountry] = useState(countries?.[0] ?? '');
  const [name, setName] = useState('');
  const [category, setCategory] = useState('government');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  if (entities.error) return <LoadError error={entities.error} />;
  if (!entities.data) return <Loading />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!/^[A-Za-z]{3}$/.test(country)) found.push({ field: 'entity-country', message: t('admin.country_required') });
    if (!name.trim()) found.push({ field: 'entity-name', message: t('admin.name_required') });
    setErrors(found);
    setDone('');
    if (found.length) return;
    try {
      const created = await post<Entity>('/entities', { country: country.toUpperCase(), name: name.trim(), category });
      setDone(t('admin.entity_added', { name: created.name, id: created.id }));
      setName('');
      entities.reload();
    } catch (failure) {
      setErrors([{ field: 'entity-name', message: messageOf(failure) }]);
    }
  };

  return (
    <Page title={t('admin.entities_title')}>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('admin.entities_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.id')}</th>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.category')}</th>
              <th scope="col">{t('admin.country')}</th>
            </tr>
          </thead>
          <tbody>
            {entities.data.entities.map((e) => (
              <tr key={e.id}>
                <td className="numeric">{e.id}</td>
                <td dir="auto">{e.name}</td>
                <td>{t(`category.${e.category}`)}</td>
                <td>{e.country}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entities.data.entities.length === 0 && <p className="muted">{t('admin.no_entities')}</p>}

      <h2>{t('admin.add_entity')}</h2>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="entity-country" label={t('admin.country')} hint={t('admin.country_hint')} errors={errors}>
          {(d) =>
            countries && countries.length > 0 ? (
              <select
                id="entity-country"
                value={country}
                aria-describedby={d}
                onChange={(e) => setCountry(e.target.value)}
              >
                {countries.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id="entity-country"
                type="text"
                className="input-short"
                dir="ltr"
                value={country}
                aria-describedby={d}
                onChange={(e) => setCountry(e.target.value)}
              />
            )
          }
        </Field>
        <Field id="entity-name" label={t('admin.name')} errors={errors}>
          {(d) => (
            <input
              id="entity-name"
              type="text"
              dir="auto"
              value={name}
              aria-describedby={d}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field id="entity-category" label={t('admin.category')} errors={errors}>
          {(d) => (
            <select
              id="entity-category"
              value={category}
              aria-describedby={d}
              onChange={(e) => setCategory(e.target.value)}
            >
              {ENTITY_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button">
          {t('admin.add_entity')}
        </button>
      </form>
    </Page>
  );
}

/** Accounts (administrators): the list with their roles, and a form to add one. */
export function AdminUsersPage() {
  const { t } = useLocale();
  const users = useData<{ users: User[] }>('/users');
  const entities = useData<{ entities: Entity[] }>('/entities');
  const [form, setForm] = useState({ email: '', password: '', role: 'contributor', country: '', entity: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  if (users.error) return <LoadError error={users.error} />;
  if (!users.data) return <Loading />;
  const needsEntity = form.role === 'contributor' || form.role === 'stakeholder';
  const needsCountry = form.role === 'focal_point' || form.role === 'validator';
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const entityName = (id: number | null) => entities.data?.entities.find((e) => e.id === id)?.name ?? `#${id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim()))
      found.push({ field: 'user-email', message: t('admin.email_required') });
    if (form.password.length < MIN_PASSWORD)
      found.push({ field: 'user-password', message: t('admin.password_short', { min: MIN_PASSWORD }) });
    if (needsCountry && !/^[A-Za-z]{3}$/.test(form.country))
      found.push({ field: 'user-country', message: t('admin.country_required') });
    if (needsEntity && !form.entity) found.push({ field: 'user-entity', message: t('admin.entity_required') });
    setErrors(found);
    setDone('');
    if (found.length) return;
    try {
      await post('/users', {
        email: form.email.trim(),
        password: form.password,
        role: form.role,
        ...(needsCountry ? { country: form.country.toUpperCase() } : {}),
        ...(needsEntity ? { entity: Number(form.entity) } : {}),
      });
      setDone(t('admin.user_added', { email: form.email.trim() }));
      setForm((f) => ({ ...f, email: '', password: '' }));
      users.reload();
    } catch (failure) {
      setErrors([{ field: 'user-email', message: messageOf(failure) }]);
    }
  };

  return (
    <Page title={t('admin.users_title')}>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('admin.users_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.email')}</th>
              <th scope="col">{t('admin.roles')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((u) => (
              <tr key={u.id}>
                <td dir="ltr">{u.email}</td>
                <td>
                  {u.grants
                    .map((g) =>
                      [t(`role.${g.role}`), g.country, g.region, g.entity !== null ? entityName(g.entity) : null]
                        .filter(Boolean)
                        .join(' · '),
                    )
                    .join(' ; ')}
                  {u.disabled && <> ({t('admin.disabled')})</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('admin.add_user')}</h2>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="user-email" label={t('admin.email')} errors={errors}>
          {(d) => (
            <input
              id="user-email"
              type="email"
              dir="ltr"
              autoComplete="off"
              value={form.email}
              aria-describedby={d}
              onChange={(e) => set('email')(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="user-password"
          label={t('admin.password')}
          hint={t('admin.password_hint', { min: MIN_PASSWORD })}
          errors={errors}
        >
          {(d) => (
            <input
              id="user-password"
              type="password"
              dir="ltr"
              autoComplete="new-password"
              value={form.password}
              aria-describedby={d}
              onChange={(e) => set('password')(e.target.value)}
            />
          )}
        </Field>
        <Field id="user-role" label={t('admin.role')} errors={errors}>
          {(d) => (
            <select id="user-role" value={form.role} aria-describedby={d} onChange={(e) => set('role')(e.target.value)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {needsCountry && (
          <Field id="user-country" label={t('admin.country')} hint={t('admin.country_hint')} errors={errors}>
            {(d) => (
              <input
                id="user-country"
                type="text"
                className="input-short"
                dir="ltr"
                value={form.country}
                aria-describedby={d}
                onChange={(e) => set('country')(e.target.value)}
              />
            )}
          </Field>
        )}
        {needsEntity && (
          <Field id="user-entity" label={t('admin.entity')} errors={errors}>
            {(d) => (
              <select
                id="user-entity"
                value={form.entity}
                aria-describedby={d}
                onChange={(e) => set('entity')(e.target.value)}
              >
                <option value="">{t('assign.choose_entity')}</option>
                {(entities.data?.entities ?? []).map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name} ({e.country})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <button type="submit" className="button">
          {t('admin.add_user')}
        </button>
      </form>
    </Page>
  );
}
