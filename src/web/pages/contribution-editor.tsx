import { useRef, useState } from 'react';
import type { Block } from '../../domain/blocks.js';
import { DraftEditor } from '../components/draft-editor.js';
import { ValueField, valueFieldId, type EditedValue } from '../components/value-field.js';
import { messageOf } from '../components/moves.js';
import { LoadError, Loading } from '../components/page.js';
import { StatusTag } from '../components/status.js';
import { ApiError, get, post, put } from '../lib/api.js';
import { draftKey } from '../lib/drafts.js';
import { useLocale } from '../lib/i18n.js';
import type { Answer, Contribution, ContributionSaved } from '../lib/types.js';
import { reviewQueries, useApi, useApiMutation } from '../lib/query.js';
import { ContributionEvidence, type PendingEvidence } from './contribution-evidence.js';

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
    ({ blocks, baseRevision, value }: { blocks: Block[]; baseRevision: number; value?: unknown }) =>
      put<ContributionSaved>(path, { blocks, baseRevision, ...(value !== undefined ? { value } : {}) }),
    queries,
  );
  const submitting = useApiMutation(() => post(`${path}/submit`), queries);
  const [submitted, setSubmitted] = useState('');
  const [error, setError] = useState('');
  // A file chosen in the evidence form but not sent yet: sent before submitting (never dropped).
  const pending = useRef<PendingEvidence | null>(null);
  // The editor's « save what is typed now », kept for the evidence form (see `prepare`).
  const flushText = useRef<(() => Promise<boolean>) | null>(null);
  // The answer page's own data (cached): the review's status, to say why a closed review locks.
  const answer = useApi<Answer>(props.base);
  const contribution = loaded.data ?? props.initial;
  const answered = useRef(false);
  if (loaded.error && loaded.error.status !== 404) return <LoadError error={loaded.error} />;
  // « Chargement » only until the first answer: a 404 (nothing written yet) being fetched again
  // after a write must not unmount the editor and the evidence form, and what they say.
  if (contribution || loaded.error) answered.current = true;
  if (!answered.current) return <Loading />;
  const blocks: Block[] = contribution?.blocks ?? [];
  const asked = answer.data;
  const editorId = `contribution-text-${props.entity.id}`;
  const revision = contribution?.revision ?? 0;
  const status = contribution?.status ?? 'not_started';
  const isInput = contribution?.kind === 'input';
  // Submitted (or merged): the focal point has it; a closed review takes no more changes.
  const locked = status === 'submitted' || status === 'merged' || !props.open;
  // A file is attached to the contribution, which must exist first: what is typed is saved, and
  // an entity that has written nothing yet gets its (empty) draft, rather than a « no
  // contribution » refusal of its first file.
  const prepare = async (): Promise<boolean> => {
    if (flushText.current && !(await flushText.current())) return false;
    try {
      await get(path);
    } catch (failure) {
      if (!(failure instanceof ApiError) || failure.code !== 'contribution.not_found') throw failure;
      await saving.mutateAsync({ blocks: [], baseRevision: 0 });
    }
    return true;
  };
  const submit = async (flush: () => Promise<boolean>) => {
    setError('');
    setSubmitted('');
    if (!(await flush())) return;
    const sent = await pending.current?.send();
    if (sent === null) {
      setError(t('contribution.file_not_sent'));
      return;
    }
    try {
      await submitting.mutateAsync();
      setSubmitted(sent ? t('contribution.submitted_with_file', { file: sent }) : t('contribution.submitted'));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

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
      {locked && (
        <LockedReason
          status={status}
          open={props.open}
          reviewStatus={answer.data?.reviewStatus ?? null}
          merged={contribution?.merged ?? null}
          reopen={async () => {
            setError('');
            setSubmitted('');
            try {
              // Saving the same text takes a submitted contribution back to draft (saveContribution).
              await saving.mutateAsync({ blocks, baseRevision: revision });
              setSubmitted(t('contribution.reopened'));
            } catch (failure) {
              setError(messageOf(failure));
            }
          }}
        />
      )}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      <DraftEditor
        id={editorId}
        label={t('contribution.edit_label')}
        storageKey={draftKey(props.country, props.cycle, props.questionId, `contribution-${props.entity.id}`)}
        serverBlocks={blocks}
        serverRevision={revision}
        autosave={!locked}
        disabled={locked}
        save={(b, baseRevision, value) => saving.mutateAsync({ blocks: b, baseRevision, value })}
        {...(asked && asked.kind !== 'text'
          ? {
              // The value the entity proposes (issue 15): the focal point's merge takes it.
              value: {
                server: contribution?.value ?? null,
                fieldId: valueFieldId(editorId),
                render: (value, onChange, failure) => (
                  <ValueField
                    id={valueFieldId(editorId)}
                    asked={asked}
                    value={value as EditedValue}
                    onChange={onChange}
                    error={failure}
                  />
                ),
              },
            }
          : {})}
        actions={(flush) => {
          flushText.current = flush;
          return (
            !locked && (
              <button
                type="button"
                className="button button-secondary"
                disabled={submitting.isPending}
                onClick={() => void submit(flush)}
              >
                {t('contribution.submit')}
              </button>
            )
          );
        }}
      />
      {contribution?.response && (
        <div className="notice">
          <h3>{t('contribution.response')}</h3>
          <p dir="auto">{contribution.response}</p>
        </div>
      )}
      <ContributionEvidence
        path={path}
        evidence={contribution?.evidence ?? []}
        queries={queries}
        canChange={!locked}
        pending={pending}
        prepare={prepare}
      />
      <p className="muted">{t('contribution.evidence_count', { count: contribution?.evidence?.length ?? 0 })}</p>
    </section>
  );
}

/**
 * Why the contribution can no longer be changed, and what its contributor may still do (issue 12,
 * item 5: it turned read-only without a word). Merged: part of the answer, since when and by whom;
 * submitted: the focal point has it — taking it back is possible while the review is open;
 * the review no longer open: validated, submitted or published, nothing changes any more.
 */
function LockedReason(props: {
  status: string;
  open: boolean;
  reviewStatus: string | null;
  merged: Contribution['merged'] | null;
  reopen: () => Promise<void>;
}) {
  const { t, date } = useLocale();
  const [busy, setBusy] = useState(false);
  let reason: string;
  let next: string;
  if (props.status === 'merged') {
    reason = props.merged
      ? t('contribution.locked_merged', { date: date(props.merged.at), name: props.merged.byName })
      : t('contribution.locked_merged_undated');
    next = t('contribution.locked_merged_next');
  } else if (!props.open) {
    reason = t(REVIEW_CLOSED[props.reviewStatus ?? ''] ?? 'contribution.locked_closed');
    next = t('contribution.locked_closed_next');
  } else {
    reason = t('contribution.locked_submitted');
    next = t('contribution.locked_submitted_next');
  }
  return (
    <div className="notice locked-reason" role="note">
      <p>
        <strong>{reason}</strong>
      </p>
      <p>{next}</p>
      {props.status === 'submitted' && props.open && (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await props.reopen();
            setBusy(false);
          }}
        >
          {t('contribution.reopen')}
        </button>
      )}
    </div>
  );
}

// Keys written out, so that the catalogue test finds each of them used.
const REVIEW_CLOSED: Record<string, string> = {
  validated: 'contribution.locked_validated',
  submitted: 'contribution.locked_review_submitted',
  published: 'contribution.locked_published',
};
