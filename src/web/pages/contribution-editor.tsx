import { useState } from 'react';
import type { Block } from '../../domain/blocks.js';
import { DraftEditor } from '../components/draft-editor.js';
import { errorsOf, Field, Form, type FieldError } from '../components/form.js';
import { messageOf } from '../components/moves.js';
import { LoadError, Loading } from '../components/page.js';
import { StatusTag } from '../components/status.js';
import { api, post, put } from '../lib/api.js';
import { draftKey } from '../lib/drafts.js';
import { useLocale } from '../lib/i18n.js';
import type { Answer, Contribution, ContributionSaved } from '../lib/types.js';
import { reviewQueries, useApi, useApiMutation } from '../lib/query.js';

/** The server's default limit for one evidence file (PACTE_EVIDENCE_MAX_BYTES); it checks it again. */
const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** A contributor's editor of its entity's contribution (or a stakeholder's input), with evidence files. */
export function ContributionEditor(props: {
  country: string;
  cycle: string;
  base: string;
  questionId: string;
  entity: { id: number; name: string };
  assignment?: Answer['assignments'][number];
  initial?: Contribution;
  open: boolean;
}) {
  const { t, date } = useLocale();
  const path = `${props.base}/contributions/${props.entity.id}`;
  const loaded = useApi<Contribution>(path);
  // A contribution's text, its submission, its evidence: the answer page (where the focal point
  // reads it), the review's pages, the to-do lists.
  const queries = reviewQueries(props.country, props.cycle);
  const saving = useApiMutation(
    ({ blocks, baseRevision }: { blocks: Block[]; baseRevision: number }) =>
      put<ContributionSaved>(path, { blocks, baseRevision }),
    queries,
  );
  const submitting = useApiMutation(() => post(`${path}/submit`), queries);
  const [submitted, setSubmitted] = useState('');
  const [error, setError] = useState('');
  const contribution = loaded.data ?? props.initial;
  if (loaded.error && loaded.error.status !== 404) return <LoadError error={loaded.error} />;
  if (!contribution && !loaded.error) return <Loading />;
  const blocks: Block[] = contribution?.blocks ?? [];
  const revision = contribution?.revision ?? 0;
  const status = contribution?.status ?? 'not_started';
  const isInput = contribution?.kind === 'input';
  // Submitted (or merged): the focal point has it; a closed review takes no more changes.
  const locked = status === 'submitted' || status === 'merged' || !props.open;

  return (
    <section aria-labelledby={`contribution-${props.entity.id}`}>
      <h2 id={`contribution-${props.entity.id}`}>
        {t(isInput ? 'contribution.input_of' : 'contribution.of', { entity: props.entity.name })}
      </h2>
      <dl className="summary">
        <div>
          <dt>{t('contribution.status')}</dt>
          <dd>
            <StatusTag kind="contribution" status={status} />
          </dd>
        </div>
        {props.assignment?.dueOn && (
          <div>
            <dt>{t('contribution.due')}</dt>
            <dd className={props.assignment.overdue ? 'overdue' : undefined}>
              {props.assignment.overdue
                ? t('tasks.overdue_since', { date: date(props.assignment.dueOn) })
                : date(props.assignment.dueOn)}
            </dd>
          </div>
        )}
      </dl>
      {/* What the focal point asked of the entity when assigning (issue 12, item 10). */}
      {props.assignment?.note && (
        <p className="assignment-note">
          {t('contribution.note')} <q dir="auto">{props.assignment.note}</q>
        </p>
      )}
      {submitted && (
        <p className="notice" role="status">
          {submitted}
        </p>
      )}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      <DraftEditor
        id={`contribution-text-${props.entity.id}`}
        label={t('contribution.edit_label')}
        storageKey={draftKey(props.country, props.cycle, props.questionId, `contribution-${props.entity.id}`)}
        serverBlocks={blocks}
        serverRevision={revision}
        autosave={!locked}
        disabled={locked}
        save={(b, baseRevision) => saving.mutateAsync({ blocks: b, baseRevision })}
        actions={(flush) =>
          !locked && (
            <button
              type="button"
              className="button button-secondary"
              onClick={async () => {
                setError('');
                if (!(await flush())) return;
                try {
                  await submitting.mutateAsync();
                  setSubmitted(t('contribution.submitted'));
                } catch (failure) {
                  setError(messageOf(failure));
                }
              }}
            >
              {t('contribution.submit')}
            </button>
          )
        }
      />
      {contribution?.response && (
        <div className="notice">
          <h3>{t('contribution.response')}</h3>
          <p dir="auto">{contribution.response}</p>
        </div>
      )}
      <Evidence path={path} evidence={contribution?.evidence ?? []} queries={queries} canUpload={!locked} />
      <p className="muted">{t('contribution.evidence_count', { count: contribution?.evidence?.length ?? 0 })}</p>
    </section>
  );
}

function Evidence(props: {
  path: string;
  evidence: NonNullable<Contribution['evidence']>;
  queries: string[];
  canUpload: boolean;
}) {
  const { t, bytes } = useLocale();
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file field after an upload.
  const [inputKey, setInputKey] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const id = `evidence-${props.path.replace(/\W+/g, '-')}`;
  const uploading = useApiMutation((form: FormData) => api('POST', `${props.path}/evidence`, form), props.queries);
  const upload = async () => {
    if (!file) {
      setErrors([{ field: id, message: t('evidence.required') }]);
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await uploading.mutateAsync(form);
      setErrors([]);
      setFile(null);
      setInputKey((k) => k + 1);
    } catch (failure) {
      setErrors(errorsOf(failure, id));
    }
  };
  return (
    <div className="evidence">
      <h3>{t('evidence.title')}</h3>
      {props.evidence.length > 0 && (
        <ul>
          {props.evidence.map((e) => (
            <li key={e.id}>
              <a href={e.url} download={e.fileName} dir="auto">
                {e.fileName}
              </a>{' '}
              <span className="muted">({bytes(e.size)})</span>
            </li>
          ))}
        </ul>
      )}
      {props.canUpload && (
        <Form errors={errors} onSubmit={upload}>
          <Field
            id={id}
            label={t('evidence.file')}
            hint={t('evidence.hint', { limitBytes: EVIDENCE_MAX_BYTES })}
            errors={errors}
          >
            {(describedBy) => (
              <input
                key={inputKey}
                id={id}
                type="file"
                accept=".pdf,.xlsx,.csv,application/pdf,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={describedBy}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <button type="submit" className="button button-secondary" disabled={uploading.isPending}>
            {t('evidence.upload')}
          </button>
        </Form>
      )}
    </div>
  );
}
