import { useEffect, useState } from 'react';
import { messageOf } from '../components/moves.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { del, post } from '../lib/api.js';
import { isolate } from '../lib/bidi.js';
import { localText, useLocale } from '../lib/i18n.js';
import { hasRole, useSession } from '../lib/session.js';
import type { Countries, Entities, Invitation, Invitations, People, Person } from '../lib/types.js';
import { useApi, useApiMutation } from '../lib/query.js';
import { InviteForm, ROLE_LABELS, type Choice } from './people-invite.js';

/** Who may manage people: a regional secretariat, a focal point, an administrator (docs/regional.md, People). */
export const MANAGES_PEOPLE = ['admin', 'secretariat', 'focal_point'];

/**
 * The people whose roles the signed-in person manages — a secretariat, the focal points and
 * validators of its region's countries; a focal point, its country's contributors and
 * stakeholders — with the pending invitations, a form to invite someone, and disabling or
 * enabling an account (after a confirmation). What is listed is what the API gives.
 */
export function PeoplePage() {
  const { t, language, date } = useLocale();
  const { session } = useSession();
  const people = useApi<People>('/people');
  const invitations = useApi<Invitations>('/invitations');
  const countries = useApi<Countries>('/countries');
  const entities = useApi<Entities>('/entities');
  // Disabling or enabling an account, withdrawing an invitation: the people and the invitations.
  const write = useApiMutation((run: () => Promise<unknown>) => run(), ['/people', '/invitations', '/users']);
  const [done, setDone] = useState('');
  const [failure, setFailure] = useState('');
  const [confirming, setConfirming] = useState<{ person: Person; enable: boolean } | null>(null);
  // The confirmation takes the focus: a keyboard or screen-reader user lands on the question.
  useEffect(() => {
    if (confirming) document.getElementById('people-confirm')?.focus();
  }, [confirming]);

  if (people.error) return <LoadError error={people.error} />;
  if (!people.data || !invitations.data) return <Loading />;

  const grants = session?.grants ?? [];
  const admin = hasRole(session, 'admin');
  const regions = new Set(grants.filter((g) => g.role === 'secretariat' && g.region).map((g) => g.region!));
  const roles = [
    ...(admin || regions.size > 0 ? ['focal_point', 'validator'] : []),
    ...(admin || hasRole(session, 'focal_point') ? ['contributor', 'stakeholder'] : []),
  ];
  const countryName = (code: string) => {
    const found = countries.data?.countries.find((c) => c.code === code);
    return found ? localText(found.name, language) : code;
  };
  const entityName = (id: number) => entities.data?.entities.find((e) => e.id === id)?.name ?? `#${id}`;
  const countryChoices: Choice[] = (countries.data?.countries ?? [])
    .filter((c) => admin || c.regions.some((r) => regions.has(r)))
    .map((c) => ({ value: c.code, label: localText(c.name, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const entityChoices: Choice[] = (entities.data?.entities ?? []).map((e) => ({
    value: String(e.id),
    label: `${e.name} (${countryName(e.country)})`,
  }));
  const where = (g: { country: string | null; entity: number | null }) =>
    g.entity !== null ? entityName(g.entity) : g.country ? countryName(g.country) : '';

  const act = async (run: () => Promise<unknown>, message: string) => {
    setDone('');
    setFailure('');
    try {
      await write.mutateAsync(run);
      setDone(message);
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  const switchPerson = (person: Person, enable: boolean) =>
    void act(
      () => post(`/users/${person.id}/${enable ? 'enable' : 'disable'}`),
      t(enable ? 'people.enabled_done' : 'people.disabled_done', { email: isolate(person.email) }),
    ).then(() => setConfirming(null));
  const revoke = (invitation: Invitation) =>
    void act(
      () => del(`/invitations/${invitation.id}`),
      t('people.revoked_done', { email: isolate(invitation.email) }),
    );

  const list = people.data.people.slice().sort((a, b) => a.email.localeCompare(b.email));
  const pending = invitations.data.invitations.filter((i) => i.state === 'pending');

  return (
    <Page title={t('people.title')}>
      <p>{regions.size > 0 || admin ? t('people.intro_secretariat') : t('people.intro_focal_point')}</p>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {failure && (
        <p className="error-message" role="alert">
          {failure}
        </p>
      )}

      <section aria-labelledby="people-list">
        <h2 id="people-list">{t('people.list_title')}</h2>
        {list.length === 0 ? (
          <p className="muted">{t('people.none')}</p>
        ) : (
          <ul className="people-list">
            {list.map((person) => {
              // Enable when every role the reader manages is disabled; disable otherwise.
              const enable = person.grants.length > 0 && person.grants.every((g) => g.disabled);
              return (
                <li key={person.id}>
                  <p className="task-meta">
                    <strong dir="ltr">{person.email}</strong>
                    {person.disabled && <strong className="tag tag-disabled">{t('people.account_disabled')}</strong>}
                  </p>
                  <ul className="task-meta">
                    {person.grants.map((g, i) => (
                      <li key={i}>
                        {t(ROLE_LABELS[g.role] ?? g.role)} — <span dir="auto">{where(g)}</span>
                        {g.disabled && <> ({t('people.role_disabled')})</>}
                      </li>
                    ))}
                  </ul>
                  {confirming?.person.id === person.id ? (
                    <div className="confirm">
                      <p role="alert">
                        {t(confirming.enable ? 'people.enable_confirm' : 'people.disable_confirm', {
                          email: person.email,
                        })}
                      </p>
                      <div className="button-group">
                        <button
                          type="button"
                          id="people-confirm"
                          className={`button${confirming.enable ? '' : ' button-warning'}`}
                          onClick={() => switchPerson(person, confirming.enable)}
                        >
                          {t(confirming.enable ? 'people.enable_yes' : 'people.disable_yes')}
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t(enable ? 'people.enable_label' : 'people.disable_label', {
                        email: isolate(person.email),
                      })}
                      onClick={() => setConfirming({ person, enable })}
                    >
                      {t(enable ? 'people.enable' : 'people.disable')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="people-pending">
        <h2 id="people-pending">{t('people.pending_title')}</h2>
        {pending.length === 0 ? (
          <p className="muted">{t('people.pending_none')}</p>
        ) : (
          <ul className="people-list" id="pending-invitations">
            {pending.map((invitation) => (
              <li key={invitation.id}>
                <p className="task-meta">
                  {/* Names, not codes: the name the inviter gave, the address beside it. */}
                  {invitation.name && <strong dir="auto">{invitation.name}</strong>}
                  <span dir="ltr" className={invitation.name ? 'muted' : undefined}>
                    {invitation.name ? invitation.email : <strong>{invitation.email}</strong>}
                  </span>
                  <span>
                    {t(ROLE_LABELS[invitation.grant.role] ?? invitation.grant.role)} —{' '}
                    <span dir="auto">{where(invitation.grant)}</span>
                  </span>
                  <span>{t('people.expires', { date: date(invitation.expiresAt) })}</span>
                </p>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('people.revoke_label', { email: isolate(invitation.email) })}
                  onClick={() => revoke(invitation)}
                >
                  {t('people.revoke')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {roles.length > 0 && <InviteForm roles={roles} countries={countryChoices} entities={entityChoices} />}
    </Page>
  );
}
