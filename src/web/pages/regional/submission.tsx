import { useState } from 'react';
import type { Block } from '../../../domain/blocks.js';
import type { Language } from '../../../domain/language.js';
import { Blocks } from '../../components/blocks.js';
import { Link } from '../../components/link.js';
import { SubmissionState } from '../../components/review-returned.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { TranslationBeside, translationOf } from '../../components/translation-beside.js';
import { ValueText } from '../../components/value-text.js';
import { reviewPath } from '../../lib/api.js';
import { isolate } from '../../lib/bidi.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { hasRole, useSession } from '../../lib/session.js';
import type {
  Countries,
  CycleInfo,
  Questionnaire,
  Submission,
  SubmissionEvent,
  SubmissionTranslations,
  ReviewSubmissions,
} from '../../lib/types.js';
import { reviewQueries, useApi } from '../../lib/query.js';
import { SubmissionActions } from './submission-actions.js';
import { EDIT, TRANSLATE, TranslationEditor } from './translation-editor.js';

/**
 * One submission of a review, as the country sent it: who, when, the transmittal note, the review
 * read-only, and what the secretariat did with it. The secretariat reads this, never the country's
 * working copy: a country that took its review back is still here with what it sent. The
 * country's own focal points and validators read it too; only the secretariat acts on it.
 */
export function SubmissionPage(props: { country: string; cycle: string; number: string }) {
  const { t, number, dateTime, language } = useLocale();
  const { session } = useSession();
  const base = `${reviewPath(props.country, props.cycle)}/submissions`;
  const submission = useApi<Submission>(`${base}/${encodeURIComponent(props.number)}`);
  const list = useApi<ReviewSubmissions>(base);
  const cycle = useApi<CycleInfo>(`/cycles/${encodeURIComponent(props.cycle)}`);
  const countries = useApi<Countries>('/countries');
  const q = cycle.data?.questionnaire;
  const questionnaire = useApi<Questionnaire>(q ? `/questionnaires/${q.id}?version=${q.version}` : null);
  const translationsPath = `${base}/${encodeURIComponent(props.number)}/translations`;
  const translations = useApi<SubmissionTranslations>(translationsPath);
  const [done, setDone] = useState('');

  if (submission.error) return <LoadError error={submission.error} />;
  if (!submission.data) return <Loading />;
  const s = submission.data;
  const country = countries.data?.countries.find((c) => c.code === s.country);
  const countryName = country ? localText(country.name, language) : s.country;
  // The secretariat of the cycle's region (or an administrator) acts; the country only reads.
  const region = cycle.data?.region;
  const acts =
    hasRole(session, 'admin') ||
    (session?.grants ?? []).some((g) => g.role === 'secretariat' && region !== undefined && g.region === region);
  const latest = list.data?.submissions.reduce((n, x) => Math.max(n, x.number), 0);
  // The region's translators translate (and only read); its secretariat acts and translates.
  const translator = (session?.grants ?? []).some(
    (g) => g.role === 'translator' && region !== undefined && g.region === region,
  );

  return (
    <Page
      title={t('regional.submission.title', { number: number(s.number), country: countryName })}
      before={s.review.synthetic && <SyntheticLabel />}
      caption={
        acts ? (
          <Link to={`/cycles/${encodeURIComponent(s.cycle)}`}>{t('regional.submission.back_to_cycle')}</Link>
        ) : translator ? (
          <Link to="/translations">{t('translation.back_home')}</Link>
        ) : (
          <Link to={reviewPath(s.country, s.cycle)}>{t('regional.submission.back_to_review')}</Link>
        )
      }
    >
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <dl className="summary">
        <div>
          <dt>{t('regional.submission.cycle')}</dt>
          <dd>{cycle.data ? localText(cycle.data.title, language) : s.cycle}</dd>
        </div>
        <div>
          <dt>{t('regional.submission.submitted_by')}</dt>
          <dd dir="auto">{s.submittedByName || s.submittedBy}</dd>
        </div>
        <div>
          <dt>{t('regional.submission.submitted_at')}</dt>
          <dd>{dateTime(s.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('regional.submission.state')}</dt>
          <dd>
            <SubmissionState summary={s} />
          </dd>
        </div>
      </dl>

      <section aria-labelledby="submission-note">
        <h2 id="submission-note">{t('regional.submission.note')}</h2>
        {s.note ? (
          <p dir="auto" className="submission-note">
            {s.note}
          </p>
        ) : (
          <p className="muted">{t('regional.submission.no_note')}</p>
        )}
      </section>

      <section aria-labelledby="submission-events">
        <h2 id="submission-events">{t('regional.submission.events')}</h2>
        {s.events.length === 0 ? (
          <p className="muted">{t('regional.submission.no_events')}</p>
        ) : (
          <ol className="submission-events">
            {s.events.map((event) => (
              <EventItem key={event.id} event={event} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="submission-list">
        <h2 id="submission-list">{t('regional.submission.all')}</h2>
        <ol className="submission-list">
          {(list.data?.submissions ?? [])
            .slice()
            .sort((a, b) => a.number - b.number)
            .map((x) => (
              <li key={x.number}>
                {x.number === s.number ? (
                  <strong aria-current="page">
                    {t('regional.submission.item', { number: number(x.number), date: dateTime(x.submittedAt) })}
                  </strong>
                ) : (
                  <Link to={`${reviewPath(s.country, s.cycle)}/submissions/${x.number}`}>
                    {t('regional.submission.item', { number: number(x.number), date: dateTime(x.submittedAt) })}
                  </Link>
                )}{' '}
                <SubmissionState summary={x} />
              </li>
            ))}
        </ol>
      </section>

      {acts && (
        <SubmissionActions
          path={`${base}/${s.number}`}
          submission={s}
          countryName={countryName}
          latest={latest === s.number}
          queries={reviewQueries(props.country, props.cycle)}
          onDone={setDone}
        />
      )}

      <SubmittedReview
        submission={s}
        questionnaire={questionnaire.data}
        translations={translations.data}
        translate={
          acts || translator
            ? { path: `${base}/${s.number}`, languages: cycle.data?.languages ?? [], queries: [translationsPath] }
            : null
        }
        onDone={setDone}
      />
    </Page>
  );
}

// Keys written out, so that the catalogue test finds each of them used.
const EVENT_LABELS: Record<SubmissionEvent['kind'], string> = {
  acknowledged: 'regional.submission.event_acknowledged',
  comment: 'regional.submission.event_comment',
  returned: 'regional.submission.event_returned',
};

function EventItem({ event }: { event: SubmissionEvent }) {
  const { t, dateTime } = useLocale();
  return (
    <li>
      <p className="comment-meta">
        {t(EVENT_LABELS[event.kind], { by: isolate(event.byName || event.by), date: dateTime(event.at) })}
      </p>
      {event.text && (
        <p dir="auto" className="submission-text">
          {event.text}
        </p>
      )}
    </li>
  );
}

/** The review as sent, read-only: the questions' wording in the reader's language when the questionnaire has it. */
function SubmittedReview({
  submission,
  questionnaire,
  translations,
  translate,
  onDone,
}: {
  submission: Submission;
  questionnaire: Questionnaire | null;
  translations: SubmissionTranslations | null;
  /** Where and into what the reader may translate (the region's secretariat and translators). */
  translate: { path: string; languages: readonly Language[]; queries: string[] } | null;
  onDone: (message: string) => void;
}) {
  const { t, language } = useLocale();
  const [editing, setEditing] = useState<{ questionId: string; language: Language } | null>(null);
  const answerLanguage = submission.review.language;
  const targets = (translate?.languages ?? []).filter((l) => l !== answerLanguage);
  const sectionOf = new Map((questionnaire?.sections ?? []).map((x) => [x.id, x]));
  const questionOf = new Map((questionnaire?.sections ?? []).flatMap((x) => x.questions.map((q) => [q.id, q])));
  return (
    <section aria-labelledby="submission-review">
      <h2 id="submission-review">{t('regional.submission.review')}</h2>
      <p className="hint">{t('regional.submission.review_hint')}</p>
      {submission.review.sections.map((section) => {
        const known = sectionOf.get(section.id);
        return (
          <div key={section.id} className="submission-section">
            <h3>
              {section.id}. <span dir="auto">{known ? localText(known.title, language) : section.title}</span>
            </h3>
            {section.questions.map((question) => {
              const wording = questionOf.get(question.id);
              const blocks = question.answer.blocks as Block[];
              return (
                <div key={question.id} className="submission-question">
                  <h4>
                    <span className="question-id">{question.id}</span>{' '}
                    <span dir="auto">{wording ? localText(wording.text, language) : question.text}</span>
                  </h4>
                  {editing?.questionId === question.id && translate ? (
                    <TranslationEditor
                      path={translate.path}
                      number={submission.number}
                      questionId={question.id}
                      language={editing.language}
                      answerLanguage={answerLanguage}
                      original={blocks}
                      current={translationOf(translations, question.id, editing.language)}
                      queries={translate.queries}
                      onDone={(message) => {
                        setEditing(null);
                        onDone(message);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  ) : blocks.length > 0 || question.answer.value ? (
                    <div className="translation-pair">
                      <div lang={answerLanguage}>
                        {/* A typed value (issue 15) has no language: translations leave it as it is. */}
                        {question.answer.value && (
                          <ValueText asked={wording ?? question} value={question.answer.value} />
                        )}
                        <Blocks blocks={blocks} />
                      </div>
                      <TranslationBeside translations={translations} questionId={question.id} />
                    </div>
                  ) : (
                    <p className="muted">{t('answer.empty')}</p>
                  )}
                  {translate && blocks.length > 0 && editing?.questionId !== question.id && targets.length > 0 && (
                    <ul className="translation-actions" aria-label={t('translation.actions')}>
                      {targets.map((target) => (
                        <li key={target}>
                          <button
                            type="button"
                            className="button button-secondary"
                            onClick={() => setEditing({ questionId: question.id, language: target })}
                          >
                            {t(
                              translationOf(translations, question.id, target)?.submission === submission.number
                                ? EDIT[target]
                                : TRANSLATE[target],
                            )}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        );
      })}
    </section>
  );
}
