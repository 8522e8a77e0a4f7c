import { useState } from 'react';
import type { Language } from '../../../domain/language.js';
import { ENTITY_CATEGORIES } from '../../../domain/entities.js';
import { PRACTICE_SCOPES } from '../../../domain/practices.js';
import {
  CheckboxGroup,
  errorsOf,
  Form,
  RadioGroup,
  TextArea,
  TextField,
  type FieldError,
} from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { api, post } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useGo } from '../../lib/navigation.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import type { Objectives, Practice, Principles, Workspace } from '../../lib/types.js';
import { PassageChoice, type PassageSource } from './passage-choice.js';

/** Which field an error of the API is about: its `field` detail, else the code's field. */
const FIELD_OF: Record<string, string> = {
  'practice.invalid_scope': 'practice-scope-local',
  'practice.invalid_period': 'practice-start',
  'practice.invalid_objective': 'practice-objectives-1',
  'practice.invalid_principle': 'practice-principles',
  'practice.invalid_stakeholder': 'practice-stakeholders',
  'practice.invalid_link': 'practice-links',
  'practice.unknown_country': 'practice-title',
  'practice.edit_conflict': 'practice-title',
  'practice.not_editable': 'practice-title',
};
/** The form's fields named by the API's `field` detail. */
const FIELD_IDS: Record<string, string> = {
  scope: 'practice-scope-local',
  source: 'practice-source',
  countries: 'practice-title',
};

const TEXTS = ['description', 'results', 'innovation', 'lessons', 'sustainability'] as const;

interface Draft {
  title: string;
  summary: string;
  scope: string;
  implementing: string;
  partners: string;
  start: string;
  end: string;
  objectives: string[];
  principles: string[];
  stakeholders: string[];
  description: string;
  results: string;
  innovation: string;
  lessons: string;
  sustainability: string;
  links: string;
  contact: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function draftOf(p: Practice | null): Draft {
  return {
    title: p?.title ?? '',
    summary: p?.summary ?? '',
    scope: p?.scope ?? 'national',
    implementing: (p?.implementing ?? []).join('\n'),
    partners: (p?.partners ?? []).join('\n'),
    start: p?.period.start ?? '',
    end: p?.period.end ?? '',
    objectives: (p?.objectives ?? []).map(String),
    principles: p?.principles ?? [],
    stakeholders: p?.stakeholders ?? [],
    description: p?.description ?? '',
    results: p?.results ?? '',
    innovation: p?.innovation ?? '',
    lessons: p?.lessons ?? '',
    sustainability: p?.sustainability ?? '',
    links: (p?.links ?? []).join('\n'),
    contact: p?.contact ?? '',
  };
}

/** « Proposer une pratique » (`/practices/new/:country/:cycle`), in the language of the country's review. */
export function ProposePracticePage({ country, cycle }: { country: string; cycle: string }) {
  const workspace = useApi<Workspace>(`/reviews/${encodeURIComponent(country)}/${encodeURIComponent(cycle)}/workspace`);
  const { language } = useLocale();
  if (workspace.error && workspace.error.status !== 404) return <LoadError error={workspace.error} />;
  if (!workspace.data && !workspace.error) return <Loading />;
  return (
    <PracticeForm practice={null} country={country} cycle={cycle} language={workspace.data?.language ?? language} />
  );
}

/** Edit a practice while it is with the country (`/practices/:id/edit`). */
export function EditPracticePage({ id }: { id: string }) {
  const practice = useApi<Practice>(`/practices/${encodeURIComponent(id)}`);
  if (practice.error) return <LoadError error={practice.error} />;
  if (!practice.data) return <Loading />;
  const p = practice.data;
  return <PracticeForm key={p.version} practice={p} country={p.country} cycle={p.cycle} language={p.language} />;
}

function PracticeForm(props: { practice: Practice | null; country: string; cycle: string; language: Language }) {
  const { t, language: ui } = useLocale();
  const go = useGo();
  const objectives = useApi<Objectives>('/objectives');
  const principles = useApi<Principles>('/principles');
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.practice));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [source, setSource] = useState<PassageSource | null>(null);
  const saving = useApiMutation(
    (body: Record<string, unknown>) =>
      props.practice
        ? api<Practice>('PUT', `/practices/${props.practice.id}`, { ...body, version: props.practice.version })
        : post<Practice>('/practices', {
            ...body,
            cycle: props.cycle,
            country: props.country,
            language: props.language,
            ...(source && {
              source: { number: source.number, questionId: source.questionId, position: source.position },
            }),
          }),
    ['/practices'],
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const lang = props.language;

  const submit = async () => {
    const found: FieldError[] = [];
    if (!draft.title.trim()) found.push({ field: 'practice-title', message: t('practices.form.title_required') });
    if (!draft.summary.trim()) found.push({ field: 'practice-summary', message: t('practices.form.summary_required') });
    setErrors(found);
    if (found.length) return;
    const body = {
      title: draft.title,
      summary: draft.summary,
      scope: draft.scope,
      implementing: lines(draft.implementing),
      partners: lines(draft.partners),
      period: { start: draft.start.trim() || null, end: draft.end.trim() || null },
      objectives: draft.objectives.map(Number),
      principles: draft.principles,
      stakeholders: draft.stakeholders,
      ...Object.fromEntries(TEXTS.map((f) => [f, draft[f]])),
      links: lines(draft.links),
      contact: draft.contact,
    };
    try {
      const saved = await saving.mutateAsync(body);
      go(`/practices/${saved.id}`);
    } catch (failure) {
      const field = (failure as { details?: { field?: unknown } }).details?.field;
      const id = typeof field === 'string' ? (FIELD_IDS[field] ?? `practice-${field}`) : null;
      setErrors(id ? errorsOf(failure, id) : errorsOf(failure, 'practice-title', FIELD_OF));
    }
  };

  const title = props.practice ? t('practices.form.edit_title') : t('practices.form.new_title');
  return (
    <Page
      title={title}
      caption={<Link to={`/practices/country/${props.country}`}>{t('practices.country.title')}</Link>}
    >
      <p className="lead">{t('practices.form.intro', { language: t(`language.${lang}`) })}</p>
      <Form errors={errors} onSubmit={submit} className="practice-form">
        {!props.practice && (
          <PassageChoice
            country={props.country}
            cycle={props.cycle}
            value={source}
            onChange={setSource}
            errors={errors}
          />
        )}
        <TextField
          id="practice-title"
          label={t('practices.form.title')}
          errors={errors}
          value={draft.title}
          onChange={(v) => set('title', v)}
        />
        <TextArea
          id="practice-summary"
          label={t('practices.form.summary')}
          hint={t('practices.form.summary_hint')}
          errors={errors}
          lang={lang}
          rows={4}
          value={draft.summary}
          onChange={(v) => set('summary', v)}
        />
        <RadioGroup
          id="practice-scope"
          label={t('practices.form.scope')}
          errors={errors}
          value={draft.scope}
          onChange={(v) => set('scope', v)}
          options={PRACTICE_SCOPES.map((s) => ({ value: s, label: t(`practices.scope.${s}`) }))}
        />
        <TextArea
          id="practice-implementing"
          label={t('practices.form.implementing')}
          hint={t('practices.form.one_per_line')}
          errors={errors}
          lang={lang}
          rows={3}
          value={draft.implementing}
          onChange={(v) => set('implementing', v)}
        />
        <TextArea
          id="practice-partners"
          label={t('practices.form.partners')}
          hint={t('practices.form.one_per_line')}
          errors={errors}
          lang={lang}
          rows={3}
          value={draft.partners}
          onChange={(v) => set('partners', v)}
        />
        <div className="practice-period">
          <TextField
            id="practice-start"
            label={t('practices.form.start')}
            hint={t('practices.form.date_hint')}
            errors={errors}
            dir="ltr"
            value={draft.start}
            onChange={(v) => set('start', v)}
          />
          <TextField
            id="practice-end"
            label={t('practices.form.end')}
            hint={t('practices.form.end_hint')}
            errors={errors}
            dir="ltr"
            value={draft.end}
            onChange={(v) => set('end', v)}
          />
        </div>
        <CheckboxGroup
          id="practice-objectives"
          label={t('practices.form.objectives')}
          errors={errors}
          listClassName="practice-choices"
          values={draft.objectives}
          onChange={(v) => set('objectives', v)}
          options={(objectives.data?.objectives ?? []).map((o) => ({
            value: String(o.number),
            // short names are French and English only: Arabic reads the title
            label: `${o.number}. ${localText({ ...o.title, ...o.shortName }, ui)}`,
          }))}
        />
        <CheckboxGroup
          id="practice-principles"
          groupErrors
          label={t('practices.form.principles')}
          errors={errors}
          listClassName="practice-choices"
          values={draft.principles}
          onChange={(v) => set('principles', v)}
          options={(principles.data?.principles ?? []).map((p) => ({ value: p.key, label: localText(p.title, ui) }))}
        />
        <CheckboxGroup
          id="practice-stakeholders"
          groupErrors
          label={t('practices.form.stakeholders')}
          errors={errors}
          listClassName="practice-choices"
          values={draft.stakeholders}
          onChange={(v) => set('stakeholders', v)}
          options={ENTITY_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
        {TEXTS.map((f) => (
          <TextArea
            key={f}
            id={`practice-${f}`}
            label={t(`practices.form.${f}`)}
            errors={errors}
            lang={lang}
            rows={6}
            value={draft[f]}
            onChange={(v) => set(f, v)}
          />
        ))}
        <TextArea
          id="practice-links"
          label={t('practices.form.links')}
          hint={t('practices.form.links_hint')}
          errors={errors}
          rows={3}
          value={draft.links}
          onChange={(v) => set('links', v)}
        />
        <TextField
          id="practice-contact"
          label={t('practices.form.contact')}
          errors={errors}
          value={draft.contact}
          onChange={(v) => set('contact', v)}
        />
        <button type="submit" className="button" disabled={saving.isPending}>
          {props.practice ? t('practices.form.save') : t('practices.form.propose')}
        </button>
      </Form>
    </Page>
  );
}
