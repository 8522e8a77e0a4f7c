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
 * → the question(s) its answer goes to here (or none), with what that means in plain words. Two
 * earlier questions sent to the same one are merged; one sent to several (« Scinder ») is split.
 */
export function MappingPage({ id, version }: { id: string; version: number }) {
  const loaded = useVersion(id, version);
  // Kept here: the form below starts again from the rows saved, once they come back.
  const [saved, setSaved] = useState(false);
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
      saved={saved}
      onSaved={() => setSaved(true)}
    />
  );
}

function Mapping(props: {
  later: Questionnaire;
  earlier: Questionnaire;
  mapping: QuestionMapping;
  editable: boolean;
  saved: boolean;
  onSaved: () => void;
}) {
  const { t, language } = useLocale();
  const { later, earlier, mapping } = props;
  // Where each earlier question's answer goes: one question (moved, merged), several (split) or NONE.
  const [targets, setTargets] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(mapping.questions.map((q) => [q.question, q.to.length > 0 ? q.to : [NONE]])),
  );
  const targetsOf = (question: string) => targets[question] ?? [NONE];
  const setTarget = (question: string, at: number, value: string) =>
    setTargets({ ...targets, [question]: targetsOf(question).map((x, i) => (i === at ? value : x)) });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const saving = useApiMutation(
    (rows: { from: string; to: string | null }[]) =>
      put<QuestionMapping>(`${apiVersion(later.id, later.version)}/mapping`, { rows }),
    [`${apiVersion(later.id, later.version)}/mapping`],
  );
  const laterQuestions = later.sections.flatMap((s) => s.questions);
  const textOf = (list: Questionnaire, id: string) =>
    localText(list.sections.flatMap((s) => s.questions).find((q) => q.id === id)?.text ?? {}, language);
  /** A later question not yet among `taken`, to offer when splitting. */
  const another = (taken: string[]) => laterQuestions.find((x) => !taken.includes(x.id))?.id;

  const submit = async () => {
    // Only what differs from « same id » is stored; repeats of one target count once.
    const rows = mapping.questions.flatMap((q): { from: string; to: string | null }[] => {
      const to = [...new Set(targetsOf(q.question).filter((x) => x !== NONE))];
      if (to.length === 0) return [{ from: q.question, to: null }];
      if (to.length === 1 && to[0] === q.question) return [];
      return to.map((x) => ({ from: q.question, to: x }));
    });
    try {
      await saving.mutateAsync(rows);
      setErrors([]);
      props.onSaved();
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
      {props.saved && (
        <p role="status" className="notice">
          {t('questionnaires.mapping.saved')}
        </p>
      )}
      <Form errors={errors} onSubmit={submit} className="mapping-form">
        <ol className="mapping-list">
          {mapping.questions.map((q) => {
            const chosen = targetsOf(q.question);
            const next = another(chosen);
            return (
              <li key={q.question}>
                {chosen.map((target, i) => (
                  <div key={i} className="mapping-target">
                    <SelectField
                      id={i === 0 ? `map-${q.question}` : `map-${q.question}-${i}`}
                      label={
                        i === 0 ? (
                          <>
                            <strong dir="ltr">{q.question}</strong> {textOf(earlier, q.question)}
                          </>
                        ) : (
                          t('questionnaires.mapping.also_to', { question: q.question })
                        )
                      }
                      errors={errors}
                      value={target}
                      onChange={(value) => setTarget(q.question, i, value)}
                      options={[
                        ...laterQuestions.map((x) => ({
                          value: x.id,
                          label: `${x.id} — ${localText(x.text, language).slice(0, 80)}`,
                        })),
                        // « None » only alone: a split sends the answer somewhere each time.
                        ...(i === 0 ? [{ value: NONE, label: t('questionnaires.mapping.none') }] : []),
                      ]}
                    />
                    {props.editable && i > 0 && (
                      <button
                        type="button"
                        className="link-button"
                        id={`map-${q.question}-${i}-remove`}
                        onClick={() => setTargets({ ...targets, [q.question]: chosen.filter((_, j) => j !== i) })}
                      >
                        {t('questionnaires.mapping.remove_target', { question: target })}
                      </button>
                    )}
                  </div>
                ))}
                {props.editable && chosen[0] !== NONE && next !== undefined && (
                  <button
                    type="button"
                    className="link-button"
                    id={`map-${q.question}-split`}
                    onClick={() => setTargets({ ...targets, [q.question]: [...chosen, next] })}
                  >
                    {t('questionnaires.mapping.split', { question: q.question })}
                  </button>
                )}
                <p className="questionnaire-meta">
                  {t(FOLLOWS_KEYS[q.follows], { to: q.to.join(', ') })}
                  {q.follows !== 'none' && !q.valuesFollow && ` ${t('questionnaires.mapping.values_not_follow')}`}
                </p>
              </li>
            );
          })}
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
