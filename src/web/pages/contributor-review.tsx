import { Link } from '../components/link.js';
import { Loading, NoAccess, Page } from '../components/page.js';
import { StatusTag } from '../components/status.js';
import { SyntheticLabel } from '../components/synthetic.js';
import { reviewPath } from '../lib/api.js';
import { localText, useLocale } from '../lib/i18n.js';
import { useSession } from '../lib/session.js';
import type { CycleInfo, Questionnaire, Session, Tasks } from '../lib/types.js';
import { useApi } from '../lib/query.js';
import { DashboardPage } from './dashboard.js';
import { AssignedQuestion } from './tasks.js';

/** Roles that read a review's dashboard (the API's review.read, and what an admin or a secretariat sees). */
const DASHBOARD_ROLES = new Set(['focal_point', 'validator']);

/**
 * Whether the signed-in person takes part in the country's review only through an entity
 * (contributor, stakeholder): the dashboard is not theirs to read (the API answers 404), so the
 * review's address shows them their own part of it instead.
 */
export function entityMemberOnly(session: Session | null, country: string): boolean {
  const grants = session?.grants ?? [];
  const code = country.toUpperCase();
  if (grants.some((g) => g.role === 'admin' || g.role === 'secretariat')) return false;
  if (grants.some((g) => DASHBOARD_ROLES.has(g.role) && g.country === code)) return false;
  return grants.some((g) => (g.role === 'contributor' || g.role === 'stakeholder') && g.country === code);
}

/**
 * /reviews/{country}/{cycle}: the dashboard for the country's team; for a contributor or a
 * stakeholder of one of its entities, the questions of that review given to their entity (issue
 * 12, item 5: every link the app shows them — their to-do list, a notification, the answer
 * page — led to « Page introuvable — il n'existe pas d'examen… »).
 */
export function ReviewPage(props: { country: string; cycle: string }) {
  const { session } = useSession();
  return entityMemberOnly(session, props.country) ? (
    <ContributorReviewPage country={props.country} cycle={props.cycle} />
  ) : (
    <DashboardPage country={props.country} cycle={props.cycle} />
  );
}

/** A contributor's view of a review: named as people know it, and its entity's questions. */
function ContributorReviewPage(props: { country: string; cycle: string }) {
  const { t, language } = useLocale();
  const { session } = useSession();
  const tasks = useApi<Tasks>('/tasks');
  // A stakeholder gives its view on any question during the consultation: the questionnaire's.
  const code = props.country.toUpperCase();
  const stakeholder = (session?.grants ?? []).some((g) => g.role === 'stakeholder' && g.country === code);
  const contributor = (session?.grants ?? []).some((g) => g.role === 'contributor' && g.country === code);
  const cycle = useApi<CycleInfo>(stakeholder ? `/cycles/${encodeURIComponent(props.cycle)}` : null);
  const q = cycle.data?.questionnaire;
  const questionnaire = useApi<Questionnaire>(q ? `/questionnaires/${q.id}?version=${q.version}` : null);
  if (tasks.error) return <NoAccess />;
  if (!tasks.data) return <Loading />;
  const country = props.country.toUpperCase();
  const review = (tasks.data.reviews ?? []).find((r) => r.country === country && r.cycle === props.cycle);
  // Not a review it takes part in: the same words as any page that is not the reader's.
  if (!review) return <NoAccess />;
  const mine = (tasks.data.assignments ?? []).filter((a) => a.country === country && a.cycle === props.cycle);
  const title = t('contribution.review_title', {
    country: localText(review.countryName, language) || review.country,
    cycle: localText(review.cycleTitle, language) || review.cycle,
  });
  return (
    <Page title={title} caption={<Link to="/tasks">{t('nav.back_to_tasks')}</Link>}>
      {review.synthetic && <SyntheticLabel />}
      <dl className="summary">
        <div>
          <dt>{t('contribution.review_status')}</dt>
          <dd>
            <StatusTag kind="review" status={review.status} />
          </dd>
        </div>
      </dl>
      {/* Questions given to the entity: a contributor's part (a stakeholder only's is its view). */}
      {(contributor || mine.length > 0) && <p>{t('contribution.review_intro')}</p>}
      {(contributor || mine.length > 0) && (
        <section aria-labelledby="contributor-questions">
          <h2 id="contributor-questions">{t('contribution.review_questions')}</h2>
          {mine.length === 0 ? (
            <p className="muted">{t('contribution.review_none')}</p>
          ) : (
            <ul className="task-list">
              {mine.map((task) => (
                <AssignedQuestion key={`${task.questionId}/${task.entity?.id ?? ''}`} task={task} />
              ))}
            </ul>
          )}
        </section>
      )}
      {stakeholder && (
        <section aria-labelledby="stakeholder-questions">
          <h2 id="stakeholder-questions">{t('contribution.review_inputs')}</h2>
          {review.status !== 'in_consultation' ? (
            <p className="muted">{t('contribution.review_inputs_closed')}</p>
          ) : (
            <>
              <p>{t('contribution.review_inputs_intro')}</p>
              <ul className="task-list">
                {(questionnaire.data?.sections ?? []).flatMap((section) =>
                  section.questions.map((question) => (
                    <li key={question.id}>
                      <Link to={`${reviewPath(code, props.cycle)}/answers/${encodeURIComponent(question.id)}`}>
                        <span className="question-id">{question.id}</span>{' '}
                        <span dir="auto">{localText(question.text, language)}</span>
                      </Link>
                    </li>
                  )),
                )}
              </ul>
            </>
          )}
        </section>
      )}
    </Page>
  );
}
