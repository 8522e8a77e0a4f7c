import { useEffect, useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import type { Language } from '../../../domain/language.js';
import { Blocks } from '../../components/blocks.js';
import { Form, SelectField, type Choice } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { TranslationText } from '../../components/translation-beside.js';
import { API } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useGo, withLanguage } from '../../lib/navigation.js';
import { useApi } from '../../lib/query.js';
import { useSession } from '../../lib/session.js';
import type {
  ComparedAnswer,
  Comparison,
  CountryGroups,
  CycleInfo,
  Objectives,
  Questionnaire,
  Session,
} from '../../lib/types.js';
import { cyclePath } from './regional.js';
import { EDIT, TRANSLATE } from './translation-editor.js';

/** Where a country's text stands (the API's COMPARED_STATES), each with its words. */
const STATES = {
  submitted: 'sidebyside.state_submitted',
  acknowledged: 'sidebyside.state_acknowledged',
  returned: 'sidebyside.state_returned',
  published: 'sidebyside.state_published',
} as const;
type State = keyof typeof STATES;
export const FILTERS = ['group', 'objective', 'state'] as const;
// Keys written out, so that the catalogue test finds each of them used.
const ORIGINAL: Record<Language, string> = {
  fr: 'sidebyside.original_fr',
  en: 'sidebyside.original_en',
  ar: 'sidebyside.original_ar',
};

/** The address of the side-by-side view of a question, with its filters. */
export function sideBySidePath(cycle: string, questionId: string, filters: Record<string, string> = {}) {
  const query = new URLSearchParams(filters).toString();
  return `${cyclePath(cycle)}/questions/${encodeURIComponent(questionId)}${query ? `?${query}` : ''}`;
}

/** Whether the session translates into `language` in the region: its secretariat, translators, administrators. */
export function mayTranslate(session: Session | null, region: string, languages: readonly string[], language: string) {
  return (
    languages.includes(language) &&
    (session?.grants ?? []).some(
      (g) => g.role === 'admin' || ((g.role === 'secretariat' || g.role === 'translator') && g.region === region),
    )
  );
}

/** The address of the page where one country's answer is translated, keeping the view's filters. */
export function translateAnswerPath(
  cycle: string,
  questionId: string,
  country: string,
  filters: Record<string, string> = {},
) {
  const query = new URLSearchParams(filters).toString();
  const question = `${cyclePath(cycle)}/questions/${encodeURIComponent(questionId)}`;
  return `${question}/translate/${encodeURIComponent(country)}${query ? `?${query}` : ''}`;
}

/**
 * One question's answers side by side (`/cycles/:cycle/questions/:questionId`): a question
 * picker, filters by country group, confirmed GCM objective and state (the address keeps them:
 * a GET form, as the tracking's), the CSV and DOCX of the same answers, then the answers in
 * columns (stacked on a phone), each in its own language and direction — an Arabic answer right
 * to left on a French page — naming its country and where its text comes from. What the reader
 * may read is the API's decision, country by country. Beside an answer in another language, its
 * human translation into the reader's (the API gives it with the answer); the region's
 * secretariat and translators get « Traduire en … » where there is none, to a page that comes
 * back here, same question, same filters.
 */
export function SideBySidePage({ cycle, questionId }: { cycle: string; questionId: string }) {
  const { t, language } = useLocale();
  const go = useGo();
  const [query] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.flatMap((f) => (query.get(f) ? [[f, query.get(f)!]] : [])));
  const search = new URLSearchParams(filters).toString();
  const base = `/cycles/${encodeURIComponent(cycle)}/questions/${encodeURIComponent(questionId)}/answers`;
  const view = useApi<Comparison>(`${base}${search ? `?${search}` : ''}`);
  const region = view.data?.region;
  const groups = useApi<CountryGroups>(region ? `/regions/${encodeURIComponent(region)}/groups` : null);
  const objectives = useApi<Objectives>('/objectives');
  const info = useApi<CycleInfo>(`/cycles/${encodeURIComponent(cycle)}`);
  const { session } = useSession();
  // Back from the translation page: say it is saved, and bring the country's answer into view.
  const translated = (useLocation().state as { translated?: string } | null)?.translated;
  useEffect(() => {
    if (translated && view.data) document.getElementById(`sbs-${translated}`)?.scrollIntoView();
  }, [translated, view.data]);
  const translates = region !== undefined && mayTranslate(session, region, info.data?.languages ?? [], language);
  const [form, setForm] = useState<Record<string, string>>({ question: questionId, ...filters });
  // The address leads (a link, the back button): the fields follow it.
  useEffect(() => setForm({ question: questionId, ...filters }), [questionId, search]);

  if (view.error) return <LoadError error={view.error} />;
  if (!view.data) return <Loading />;
  const c = view.data;
  const apply = () => {
    const next = Object.fromEntries(FILTERS.flatMap((f) => (form[f] ? [[f, form[f]]] : [])));
    go(sideBySidePath(cycle, form.question || questionId, next));
  };
  const questions: Choice[] = c.sections.flatMap((s) =>
    s.questions.map((q) => ({ value: q.id, label: `${q.id} — ${cut(q.text)}` })),
  );
  const groupChoices: Choice[] = (groups.data?.groups ?? []).map((g) => ({
    value: g.id,
    label: localText(g.names, language) || g.id,
  }));
  const objectiveChoices: Choice[] = (objectives.data?.objectives ?? []).map((o) => ({
    value: String(o.number),
    label: t('sidebyside.objective', { number: o.number, name: localText(o.shortName, language) }),
  }));
  const stateChoices: Choice[] = (Object.keys(STATES) as State[]).map((s) => ({ value: s, label: t(STATES[s]) }));
  const download = (ext: 'csv' | 'docx') => {
    const params = new URLSearchParams({ ...filters, lang: language });
    return `${API}${base}.${ext}?${params.toString()}`;
  };
  const set = (field: string) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  return (
    <Page
      title={t('sidebyside.title', { question: c.question.id })}
      caption={<Link to={cyclePath(cycle)}>{localText(c.title, language) || c.cycle}</Link>}
    >
      {c.synthetic && <SyntheticLabel />}
      {translated && (
        <p className="notice" role="status">
          {t('translation.saved')}
        </p>
      )}
      <p className="lead sbs-question">{c.question.text}</p>
      <Form className="sbs-filters" errors={[]} onSubmit={apply}>
        <SelectField
          id="sbs-question"
          errors={[]}
          label={t('sidebyside.question')}
          value={form.question ?? questionId}
          onChange={set('question')}
          options={questions}
        />
        <SelectField
          id="sbs-group"
          errors={[]}
          label={t('sidebyside.group')}
          value={form.group ?? ''}
          onChange={set('group')}
          options={groupChoices}
          placeholder={t('sidebyside.all_countries')}
        />
        <SelectField
          id="sbs-objective"
          errors={[]}
          label={t('sidebyside.objective_filter')}
          value={form.objective ?? ''}
          onChange={set('objective')}
          options={objectiveChoices}
          placeholder={t('sidebyside.all_objectives')}
        />
        <SelectField
          id="sbs-state"
          errors={[]}
          label={t('sidebyside.state')}
          value={form.state ?? ''}
          onChange={set('state')}
          options={stateChoices}
          placeholder={t('sidebyside.all_states')}
        />
        <button type="submit" className="button">
          {t('sidebyside.apply')}
        </button>
      </Form>
      <p className="sbs-downloads">
        <a href={download('csv')} download>
          {t('sidebyside.download_csv')}
        </a>
        <a href={download('docx')} download>
          {t('sidebyside.download_docx')}
        </a>
      </p>
      <p role="status" className="muted">
        {c.answers.length === 0 ? t('sidebyside.none') : t('sidebyside.count', { count: c.answers.length })}
      </p>
      {c.options && <OptionCounts options={c.options} shown={c.answers.length} />}
      <div className="sbs-answers">
        {c.answers.map((answer) => (
          <AnswerColumn
            key={answer.country}
            answer={answer}
            question={c.question}
            options={c.options}
            cycle={cycle}
            translate={translates ? translateAnswerPath(cycle, questionId, answer.country, filters) : null}
          />
        ))}
      </div>
    </Page>
  );
}

/**
 * One country's answer: its name and source in the reader's language, its text in its own; its
 * translation into the reader's language beside it (the pair spans the row, stacked on a phone);
 * `translate`, the page that writes one, for who may.
 */
function AnswerColumn({
  answer,
  question,
  options,
  cycle,
  translate,
}: {
  answer: ComparedAnswer;
  question: Comparison['question'];
  options: Comparison['options'];
  cycle: string;
  translate: string | null;
}) {
  const { t, date, language, number } = useLocale();
  const name = localText(answer.countryName, language) || answer.country;
  const source = t(
    answer.source.kind === 'submission' ? 'sidebyside.source_submission' : 'sidebyside.source_published',
    { number: answer.source.number, date: date(answer.source.at) },
  );
  const headingId = `sbs-${answer.country}`;
  const { translation } = answer;
  const original = (
    <div lang={answer.language} dir={answer.direction}>
      {answer.blocks.length > 0 ? (
        <Blocks blocks={answer.blocks} />
      ) : (
        // A value given alone (shown above) is an answer.
        !answer.value && <p className="muted">{t('sidebyside.no_answer')}</p>
      )}
    </div>
  );
  // A translation goes with a submission: only an answer read from one, in another language, is translated.
  const translatable =
    translate !== null &&
    answer.source.kind === 'submission' &&
    answer.language !== language &&
    answer.blocks.length > 0;
  return (
    <article className={translation ? 'sbs-answer sbs-translated' : 'sbs-answer'} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {name} {answer.synthetic && <SyntheticLabel inline />}
      </h2>
      <p className="sbs-source">
        {answer.source.kind === 'submission' ? (
          <Link to={`/reviews/${answer.country}/${encodeURIComponent(cycle)}/submissions/${answer.source.number}`}>
            {source}
          </Link>
        ) : (
          <a href={`/reviews/${answer.country}/${encodeURIComponent(cycle)}?lang=${language}`}>{source}</a>
        )}{' '}
        <span className="muted">{t(STATES[answer.state])}</span>
      </p>
      {answer.value && <p className="sbs-value">{valueText(answer.value, question, options, language, number, t)}</p>}
      {answer.objectives.length > 0 && (
        <p className="muted">
          {t('sidebyside.objectives', { list: answer.objectives.join(language === 'ar' ? '، ' : ', ') })}
        </p>
      )}
      {translation ? (
        <div className="translation-pair">
          <div>
            <p className="translation-meta">{t(ORIGINAL[answer.language])}</p>
            {original}
          </div>
          <TranslationText translation={translation} />
        </div>
      ) : (
        original
      )}
      {translatable && (
        <p className="sbs-translate">
          <Link to={translate} className="button button-secondary">
            {t(translation?.submission === answer.source.number ? EDIT[language] : TRANSLATE[language])}
            <span className="visually-hidden"> — {name}</span>
          </Link>
        </p>
      )}
    </article>
  );
}

/**
 * A choice, objectives or principles question's options, each with how many of the answers shown
 * picked it: the API counts them from the values (no coding), over the filtered answers.
 */
function OptionCounts({ options, shown }: { options: NonNullable<Comparison['options']>; shown: number }) {
  const { t, number } = useLocale();
  return (
    <section aria-labelledby="sbs-options" className="sbs-options">
      <h2 id="sbs-options">{t('sidebyside.options_title')}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('sidebyside.options_caption', { count: shown })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sidebyside.option')}</th>
              <th scope="col">{t('sidebyside.option_count')}</th>
            </tr>
          </thead>
          <tbody>
            {options.map((o) => (
              <tr key={o.key}>
                <th scope="row">{o.label}</th>
                <td>{number(o.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** An answer's typed value in the reader's words: the options' labels, or the number with its unit. */
function valueText(
  value: NonNullable<ComparedAnswer['value']>,
  question: Comparison['question'],
  options: Comparison['options'],
  language: Language,
  number: (n: number) => string,
  t: ReturnType<typeof useLocale>['t'],
) {
  if ('number' in value)
    return t('sidebyside.value_number', { value: number(value.number), unit: question.unit ?? '' });
  const keys =
    'choices' in value ? value.choices : 'objectives' in value ? value.objectives.map(String) : value.principles;
  const label = new Map((options ?? []).map((o) => [o.key, o.label]));
  return t('sidebyside.value_picked', {
    list: keys.map((k) => label.get(k) ?? k).join(language === 'ar' ? '، ' : ', '),
  });
}

/** A question's wording cut for the picker: the list stays readable on a phone. */
const cut = (text: string) => (text.length > 90 ? `${text.slice(0, 88)}…` : text);

/** `/cycles/:cycle/questions`: the side-by-side view of the cycle's first question. */
export function FirstQuestionPage({ cycle }: { cycle: string }) {
  const { language } = useLocale();
  const info = useApi<CycleInfo>(`/cycles/${encodeURIComponent(cycle)}`);
  const q = info.data?.questionnaire;
  const questionnaire = useApi<Questionnaire>(q ? `/questionnaires/${q.id}?version=${q.version}` : null);
  if (info.error) return <LoadError error={info.error} />;
  if (questionnaire.error) return <LoadError error={questionnaire.error} />;
  const first = questionnaire.data?.sections[0]?.questions[0]?.id;
  if (!first) return <Loading />;
  return <Navigate replace to={withLanguage(sideBySidePath(cycle, first), language)} />;
}
