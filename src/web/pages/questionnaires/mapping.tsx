import { useState } from 'react';
import { Form, SelectField, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, NoAccess, Page } from '../../components/page.js';
import { ApiError, put } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import type { Questionnaire, QuestionMapping } from '../../lib/types.js';
import { apiVersion, FOLLOWS_KEYS, useVersion, versionPath } from './shared.js';

/** The select's value for « no successor ». */
const NONE = '-';

/**
 * `/questionnaires/:id/:version/mapping`: each question of the version this one was copied from
 * → the question its answer goes to here (or none), with what that means in plain words.
 * Splitting one question into several is done through the API (rows); this page maps one to one
 * and says so when a split is stored.
 */
export function MappingPage({ id, version }: { id: string; version: number }) {
  const loaded = useVersion(id, version);
  const mapping = useApi<QuestionMapping>(loaded.questionnaire?.basedOn ? `${apiVersion(id, version)}/mapping` : null);
  const earlier = useApi<Questionnaire>(
    loaded.questionnaire?.basedOn ? `/questionnaires/${id}?version=${loaded.questionnaire.basedOn}` : null,
  );
  const error = loaded.error ?? mapping.error ?? earlier.error;
  if (error) return <LoadError error={error} />;
  if (loaded.summary === null || loaded.questionnaire?.basedOn === null) return <NoAccess />;
  if (!loaded.questionnaire || !loaded.summary || !mapping.data || !earlier.data) return <Loading />;
  return (
    <Mapping
      key={JSON.stringify(mapping.data.rows)}
      later={loaded.questionnaire}
      earlier={earlier.data}
      mapping={mapping.data}
      editable={loaded.summary.editable}
    />
  );
}

function Mapping(props: { later: Questionnaire; earlier: Questionnaire; mapping: QuestionMapping; editable: boolean }) {
  const { t, language } = useLocale();
  const { later, earlier, mapping } = props;
  const [choice, setChoice] = useState<Record<string, string>>(() =>
    Object.fromEntries(mapping.questions.map((q) => [q.question, q.to[0] ?? NONE])),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const saving = useApiMutation(
    (rows: { from: string; to: string | null }[]) =>
      put<QuestionMapping>(`${apiVersion(later.id, later.version)}/mapping`, { rows }),
    [`${apiVersion(later.id, later.version)}/mapping`],
  );
  const laterQuestions = later.sections.flatMap((s) => s.questions);
  const textOf = (list: Questionnaire, id: string) =>
    localText(list.sections.flatMap((s) => s.questions).find((q) => q.id === id)?.text ?? {}, language);
  const split = mapping.questions.some((q) => q.follows === 'split');

  const submit = async () => {
    // Only what differs from « same id » is stored; a split already stored is kept whole.
    const rows = mapping.questions.flatMap((q) => {
      const to = choice[q.question] ?? NONE;
      if (q.follows === 'split') return q.to.map((x) => ({ from: q.question, to: x }));
      if (to === q.question) return [];
      return [{ from: q.question, to: to === NONE ? null : to }];
    });
    try {
      await saving.mutateAsync(rows);
      setErrors([]);
      setSaved(true);
    } catch (failure) {
      const question = failure instanceof ApiError ? String(failure.details.question ?? '') : '';
      const field = mapping.questions.some((q) => q.question === question) ? `map-${question}` : 'mapping-save';
      setErrors([{ field, message: failure instanceof Error ? failure.message : String(failure) }]);
    }
  };

  return (
    <Page
      title={t('questionnaires.mapping.title', { from: earlier.version, to: later.version })}
      caption={
        <Link to={versionPath(later.id, later.version)}>
          {t('questionnaires.version_title', { title: localText(later.title, language), version: later.version })}
        </Link>
      }
    >
      <p>{t('questionnaires.mapping.intro')}</p>
      {split && <p className="notice">{t('questionnaires.mapping.split_stored')}</p>}
      {saved && (
        <p role="status" className="notice">
          {t('questionnaires.mapping.saved')}
        </p>
      )}
      <Form errors={errors} onSubmit={submit} className="mapping-form">
        <ol className="mapping-list">
          {mapping.questions.map((q) => (
            <li key={q.question}>
              <SelectField
                id={`map-${q.question}`}
                label={
                  <>
                    <strong dir="ltr">{q.question}</strong> {textOf(earlier, q.question)}
                  </>
                }
                errors={errors}
                value={choice[q.question] ?? NONE}
                onChange={(value) => setChoice({ ...choice, [q.question]: value })}
                options={[
                  ...laterQuestions.map((x) => ({
                    value: x.id,
                    label: `${x.id} — ${localText(x.text, language).slice(0, 80)}`,
                  })),
                  { value: NONE, label: t('questionnaires.mapping.none') },
                ]}
              />
              <p className="questionnaire-meta">
                {t(FOLLOWS_KEYS[q.follows], { to: q.to.join(', ') })}
                {q.follows !== 'none' && !q.valuesFollow && ` ${t('questionnaires.mapping.values_not_follow')}`}
              </p>
            </li>
          ))}
        </ol>
        {mapping.newQuestions.length > 0 && (
          <p>{t('questionnaires.mapping.new_questions', { questions: mapping.newQuestions.join(', ') })}</p>
        )}
        {props.editable && (
          <button type="submit" id="mapping-save" className="button" disabled={saving.isPending}>
            {t('questionnaires.mapping.save')}
          </button>
        )}
      </Form>
    </Page>
  );
}
