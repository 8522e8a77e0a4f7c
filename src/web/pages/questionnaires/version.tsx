import { useState } from 'react';
import { ErrorSummary, errorsOf, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, NoAccess, Page } from '../../components/page.js';
import { post } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useGo } from '../../lib/navigation.js';
import { useApiMutation } from '../../lib/query.js';
import type { Questionnaire, QuestionnaireBody, QuestionnaireVersion } from '../../lib/types.js';
import { VersionTag } from './list.js';
import {
  bodyOf,
  KIND_OF_VERSION_KEYS,
  kindOfVersion,
  questionKindKey,
  LIST_PATH,
  mappingPath,
  moved,
  newQuestionPath,
  newSectionPath,
  questionPath,
  sectionPath,
  useSaveVersion,
  useVersion,
  versionPath,
} from './shared.js';
import { RemoveButton } from './remove-button.js';
import { WordingStatuses } from './wording.js';

/** `/questionnaires/:id/:version`: a version, what it is and uses it, its wording, sections and questions. */
export function VersionPage({ id, version }: { id: string; version: number }) {
  const loaded = useVersion(id, version);
  if (loaded.error) return <LoadError error={loaded.error} />;
  if (loaded.summary === null) return <NoAccess />;
  if (!loaded.questionnaire || !loaded.summary) return <Loading />;
  return <Version questionnaire={loaded.questionnaire} summary={loaded.summary} />;
}

function Version({ questionnaire: q, summary }: { questionnaire: Questionnaire; summary: QuestionnaireVersion }) {
  const { t, language } = useLocale();
  const go = useGo();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const saving = useSaveVersion(q.id, q.version);
  const copying = useApiMutation(
    () => post<Questionnaire>(`/questionnaires/${q.id}/versions`, { from: q.version }),
    [LIST_PATH],
  );
  const editable = summary.editable;
  const body = bodyOf(q);
  const save = async (next: QuestionnaireBody, field: string) => {
    try {
      await saving.mutateAsync(next);
      setErrors([]);
    } catch (failure) {
      setErrors(errorsOf(failure, field));
    }
  };
  const copy = async () => {
    try {
      const made = await copying.mutateAsync();
      go(versionPath(made.id, made.version));
    } catch (failure) {
      setErrors(errorsOf(failure, 'questionnaire-copy'));
    }
  };
  const withSection = (index: number, questions: QuestionnaireBody['sections'][number]['questions']) => ({
    ...body,
    sections: body.sections.map((s, i) => (i === index ? { ...s, questions } : s)),
  });
  return (
    <Page
      title={t('questionnaires.version_title', { title: localText(q.title, language), version: q.version })}
      caption={<Link to={LIST_PATH}>{t('questionnaires.title')}</Link>}
    >
      <ErrorSummary errors={errors} />
      <p>
        <VersionTag version={summary} /> {t(KIND_OF_VERSION_KEYS[kindOfVersion(summary)][1])}
      </p>
      <dl className="questionnaire-facts">
        <dt>{t('questionnaires.identifier')}</dt>
        <dd>
          <bdi dir="ltr">{q.id}</bdi> · {t('questionnaires.version_n', { version: q.version })}
        </dd>
        {q.basedOn ? (
          <>
            <dt>{t('questionnaires.based_on')}</dt>
            <dd>
              <Link to={versionPath(q.id, q.basedOn)}>{t('questionnaires.version_n', { version: q.basedOn })}</Link> ·{' '}
              <Link to={mappingPath(q.id, q.version)}>{t('questionnaires.mapping.link')}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t('questionnaires.cycles')}</dt>
        <dd>
          {summary.cycles.length === 0
            ? t('questionnaires.no_cycle')
            : summary.cycles.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ', '}
                  <Link to={`/cycles/${encodeURIComponent(c.id)}`}>{localText(c.title, language)}</Link>
                </span>
              ))}
        </dd>
      </dl>
      {summary.copyable && (
        <p>
          <button
            type="button"
            id="questionnaire-copy"
            className="button button-secondary"
            disabled={copying.isPending}
            onClick={() => void copy()}
          >
            {t('questionnaires.copy')}
          </button>
        </p>
      )}
      <WordingStatuses questionnaire={q} editable={editable} />
      <h2>{t('questionnaires.contents')}</h2>
      {q.sections.map((section, s) => (
        <section key={section.id} className="questionnaire-section" aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`}>
            <span dir="ltr">{section.id}</span>. {localText(section.title, language)}
          </h3>
          {section.guidance && <p className="hint">{localText(section.guidance, language)}</p>}
          {editable && (
            <div className="button-row questionnaire-actions">
              <Link to={sectionPath(q.id, q.version, section.id)}>
                {t('questionnaires.edit_section', { section: section.id })}
              </Link>
              <button
                type="button"
                id={`section-${section.id}-up`}
                className="link-button"
                disabled={s === 0 || saving.isPending}
                onClick={() =>
                  void save({ ...body, sections: moved(body.sections, s, -1) }, `section-${section.id}-up`)
                }
              >
                {t('questionnaires.move_up')}
                <span className="visually-hidden"> {section.id}</span>
              </button>
              <button
                type="button"
                id={`section-${section.id}-down`}
                className="link-button"
                disabled={s === q.sections.length - 1 || saving.isPending}
                onClick={() =>
                  void save({ ...body, sections: moved(body.sections, s, 1) }, `section-${section.id}-down`)
                }
              >
                {t('questionnaires.move_down')}
                <span className="visually-hidden"> {section.id}</span>
              </button>
              {q.sections.length > 1 && (
                <RemoveButton
                  id={`section-${section.id}-remove`}
                  label={t('questionnaires.remove_section', { section: section.id })}
                  confirm={t('questionnaires.remove_section_confirm', { count: section.questions.length })}
                  pending={saving.isPending}
                  onConfirm={() =>
                    save({ ...body, sections: body.sections.filter((_, i) => i !== s) }, `section-${section.id}-remove`)
                  }
                />
              )}
            </div>
          )}
          <ol className="questionnaire-questions">
            {section.questions.map((question, n) => (
              <li key={question.id}>
                <p className="question-text">
                  <strong dir="ltr">{question.letter})</strong> {localText(question.text, language)}
                </p>
                <p className="questionnaire-meta">
                  {t(questionKindKey(question.kind))}
                  {question.choices && ` — ${question.choices.map((c) => localText(c.label, language)).join(' · ')}`}
                  {question.unit && ` — ${localText(question.unit, language)}`}
                </p>
                {editable && (
                  <div className="button-row questionnaire-actions">
                    <Link to={questionPath(q.id, q.version, question.id)}>
                      {t('questionnaires.edit_question', { question: question.id })}
                    </Link>
                    <button
                      type="button"
                      id={`question-${question.id}-up`}
                      className="link-button"
                      disabled={n === 0 || saving.isPending}
                      onClick={() =>
                        void save(
                          withSection(s, moved(body.sections[s]!.questions, n, -1)),
                          `question-${question.id}-up`,
                        )
                      }
                    >
                      {t('questionnaires.move_up')}
                      <span className="visually-hidden"> {question.id}</span>
                    </button>
                    <button
                      type="button"
                      id={`question-${question.id}-down`}
                      className="link-button"
                      disabled={n === section.questions.length - 1 || saving.isPending}
                      onClick={() =>
                        void save(
                          withSection(s, moved(body.sections[s]!.questions, n, 1)),
                          `question-${question.id}-down`,
                        )
                      }
                    >
                      {t('questionnaires.move_down')}
                      <span className="visually-hidden"> {question.id}</span>
                    </button>
                    <RemoveButton
                      id={`question-${question.id}-remove`}
                      label={t('questionnaires.remove_question', { question: question.id })}
                      confirm={t('questionnaires.remove_question_confirm')}
                      pending={saving.isPending}
                      onConfirm={() =>
                        save(
                          withSection(
                            s,
                            body.sections[s]!.questions.filter((_, i) => i !== n),
                          ),
                          `question-${question.id}-remove`,
                        )
                      }
                    />
                  </div>
                )}
              </li>
            ))}
          </ol>
          {editable && (
            <p>
              <Link to={newQuestionPath(q.id, q.version, section.id)} className="button button-secondary">
                {t('questionnaires.add_question', { section: section.id })}
              </Link>
            </p>
          )}
        </section>
      ))}
      {editable && (
        <p>
          <Link to={newSectionPath(q.id, q.version)} className="button button-secondary">
            {t('questionnaires.add_section')}
          </Link>
        </p>
      )}
    </Page>
  );
}
