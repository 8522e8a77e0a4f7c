import { useState } from 'react';
import { ENTITY_CATEGORIES } from '../../domain/entities.js';
import { MIN_PASSWORD } from '../../domain/password.js';
import { ROLES } from '../../domain/permissions.js';
import { errorsOf, Form, SelectField, TextField, type FieldError } from '../components/form.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { post } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import { focalCountries, useSession } from '../lib/session.js';
import type { Entities, Entity, Users } from '../lib/types.js';
import { useApi, useApiMutation } from '../lib/query.js';

/** Entities of the countries one manages: the list, and a form to add one. */
export function AdminEntitiesPage() {
  const { t } = useLocale();
  const { session } = useSession();
  const entities = useApi<Entities>('/entities');
  // A new entity: the entities (this list, the assignment forms, the accounts page).
  const adding = useApiMutation(
    (body: { country: string; name: string; category: string }) => post<Entity>('/entities', body),
    ['/entities'],
  );
  const countries = focalCountries(session);
  const [country, setCountry] = useState(countries?.[0] ?? '');
  const [name, setName] = useState('');
  const [category, setCategory] = useState('government');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  if (entities.error) return <LoadError error={entities.error} />;
  if (!entities.data) return <Loading />;

  const submit = async () => {
    const found: FieldError[] = [];
    if (!/^[A-Za-z]{3}$/.test(country)) found.push({ field: 'entity-country', message: t('admin.country_required') });
    if (!name.trim()) found.push({ field: 'entity-name', message: t('admin.name_required') });
    setErrors(found);
    setDone('');
    if (found.length) return;
    try {
      const created = await adding.mutateAsync({ country: country.toUpperCase(), name: name.trim(), category });
      // Named, not numbered: the entity's internal number means nothing to anyone.
      setDone(t('admin.entity_added', { name: created.name }));
      setName('');
    } catch (failure) {
      setErrors(errorsOf(failure, 'entity-name', { 'country.': 'entity-country' }));
    }
  };

  return (
    <Page title={t('admin.entities_title')}>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('admin.entities_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.category')}</th>
              <th scope="col">{t('admin.country')}</th>
            </tr>
          </thead>
          <tbody>
            {entities.data.entities.map((e) => (
              <tr key={e.id}>
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
      <Form errors={errors} onSubmit={submit}>
        {countries && countries.length > 0 ? (
          <SelectField
            id="entity-country"
            label={t('admin.country')}
            hint={t('admin.country_hint')}
            errors={errors}
            value={country}
            onChange={setCountry}
            options={countries.map((c) => ({ value: c, label: c }))}
          />
        ) : (
          <TextField
            id="entity-country"
            label={t('admin.country')}
            hint={t('admin.country_hint')}
            errors={errors}
            dir="ltr"
            inputClassName="input-short"
            value={country}
            onChange={setCountry}
          />
        )}
        <TextField id="entity-name" label={t('admin.name')} errors={errors} value={name} onChange={setName} />
        <SelectField
          id="entity-category"
          label={t('admin.category')}
          errors={errors}
          value={category}
          onChange={setCategory}
          options={ENTITY_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
        <button type="submit" className="button" disabled={adding.isPending}>
          {t('admin.add_entity')}
        </button>
      </Form>
    </Page>
  );
}

/** Accounts (administrators): the list with their roles, and a form to add one. */
export function AdminUsersPage() {
  const { t } = useLocale();
  const users = useApi<Users>('/users');
  const entities = useApi<Entities>('/entities');
  // A new account: the accounts, and the people a focal point or secretariat manages.
  const adding = useApiMutation((body: Record<string, unknown>) => post('/users', body), ['/users', '/people']);
  const [form, setForm] = useState({
    name: '',
    email: '',
    password: '',
    role: 'contributor',
    country: '',
    entity: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  if (users.error) return <LoadError error={users.error} />;
  if (!users.data) return <Loading />;
  const needsEntity = form.role === 'contributor' || form.role === 'stakeholder';
  const needsCountry = form.role === 'focal_point' || form.role === 'validator';
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const entityName = (id: number | null) => entities.data?.entities.find((e) => e.id === id)?.name ?? '';

  const submit = async () => {
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
      await adding.mutateAsync({
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        email: form.email.trim(),
        password: form.password,
        role: form.role,
        ...(needsCountry ? { country: form.country.toUpperCase() } : {}),
        ...(needsEntity ? { entity: Number(form.entity) } : {}),
      });
      setDone(t('admin.user_added', { email: form.name.trim() || form.email.trim() }));
      setForm((f) => ({ ...f, name: '', email: '', password: '' }));
    } catch (failure) {
      setErrors(
        errorsOf(failure, 'user-email', {
          'user.invalid_name': 'user-name',
          'country.': 'user-country',
          'entity.': 'user-entity',
        }),
      );
    }
  };

  return (
    <Page title={t('admin.users_title')}>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('admin.users_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.person_name')}</th>
              <th scope="col">{t('admin.email')}</th>
              <th scope="col">{t('admin.roles')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((u) => (
              <tr key={u.id}>
                <td dir="auto">{u.name ?? ''}</td>
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
      <Form errors={errors} onSubmit={submit}>
        <TextField
          id="user-name"
          label={t('admin.person_name')}
          hint={t('admin.person_name_hint')}
          errors={errors}
          autoComplete="off"
          value={form.name}
          onChange={set('name')}
        />
        <TextField
          id="user-email"
          type="email"
          label={t('admin.email')}
          errors={errors}
          autoComplete="off"
          value={form.email}
          onChange={set('email')}
        />
        <TextField
          id="user-password"
          type="password"
          label={t('admin.password')}
          hint={t('admin.password_hint', { min: MIN_PASSWORD })}
          errors={errors}
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
        />
        <SelectField
          id="user-role"
          label={t('admin.role')}
          errors={errors}
          value={form.role}
          onChange={set('role')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        {needsCountry && (
          <TextField
            id="user-country"
            label={t('admin.country')}
            hint={t('admin.country_hint')}
            errors={errors}
            dir="ltr"
            inputClassName="input-short"
            value={form.country}
            onChange={set('country')}
          />
        )}
        {needsEntity && (
          <SelectField
            id="user-entity"
            label={t('admin.entity')}
            errors={errors}
            value={form.entity}
            onChange={set('entity')}
            placeholder={t('assign.choose_entity')}
            options={(entities.data?.entities ?? []).map((e) => ({
              value: String(e.id),
              label: `${e.name} (${e.country})`,
            }))}
          />
        )}
        <button type="submit" className="button" disabled={adding.isPending}>
          {t('admin.add_user')}
        </button>
      </Form>
    </Page>
  );
}
