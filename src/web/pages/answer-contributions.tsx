import { useState } from 'react';
import { Blocks } from '../components/blocks.js';
import { ValueText } from '../components/value-text.js';
import { ErrorSummary, errorsOf, Form, TextArea, type FieldError } from '../components/form.js';
import { StatusTag } from '../components/status.js';
import { post } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import { useApiMutation } from '../lib/query.js';
import type { Answer, Contribution } from '../lib/types.js';

/** The answer page's contributions of entities and inputs of stakeholders, with merging and responses. */
export function Contributions(props: { answer: Answer; base: string; open: boolean; queries: string[] }) {
  const { answer, base, open, queries } = props;
  const { t, date } = useLocale();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const contributions = answer.contributions.filter((c) => c.kind !== 'input');
  const inputs = answer.contributions.filter((c) => c.kind === 'input');
  // Only a submitted contribution may be merged: a draft is not finished, a merged one is in
  // the answer already (the API refuses both).
  const mergeable = answer.may?.edit && open ? contributions.filter((c) => c.status === 'submitted') : [];
  const firstId = mergeable[0] ? `merge-${mergeable[0].id}` : 'merge';
  // A merge: the answer (a new revision), the contributions (merged), the review's pages.
  const merging = useApiMutation(
    (ids: number[]) => post(`${base}/merge`, { contributionIds: ids, baseRevision: answer.revision }),
    queries,
  );

  const merge = async () => {
    setDone('');
    if (selected.size === 0) {
      setErrors([{ field: firstId, message: t('merge.none_selected') }]);
      return;
    }
    try {
      await merging.mutateAsync([...selected]);
      setErrors([]);
      setSelected(new Set());
      setDone(t('merge.done'));
    } catch (failure) {
      setErrors(errorsOf(failure, firstId));
    }
  };

  return (
    <section aria-labelledby="contributions-heading">
      <h2 id="contributions-heading">{t('contributions.title')}</h2>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <ErrorSummary errors={errors} />
      {contributions.length > 0 && (
        <div className="side-by-side">
          {contributions.map((c) => (
            <article key={c.id} className="contribution" aria-labelledby={`contribution-title-${c.id}`}>
              <h3 id={`contribution-title-${c.id}`} dir="auto">
                {c.entity.name}
              </h3>
              <p>
                <StatusTag kind="contribution" status={c.status} />{' '}
                {c.updatedAt && <span className="muted">{date(c.updatedAt)}</span>}
              </p>
              <div className="answer">
                {/* The value it proposes (issue 15): merging it takes it. */}
                {c.value && <ValueText asked={props.answer} value={c.value} />}
                {c.blocks.length ? (
                  <Blocks blocks={c.blocks} />
                ) : (
                  !c.value && <p className="muted">{t('answer.empty')}</p>
                )}
              </div>
              {(c.evidence ?? []).length > 0 && (
                <ul className="evidence-list">
                  {c.evidence!.map((e) => (
                    <li key={e.id}>
                      <a href={e.url} download={e.fileName} dir="auto">
                        {e.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {mergeable.includes(c) && (
                <div className="checkbox">
                  <input
                    type="checkbox"
                    id={`merge-${c.id}`}
                    checked={selected.has(c.id)}
                    onChange={() =>
                      setSelected((s) => {
                        const next = new Set(s);
                        if (next.has(c.id)) next.delete(c.id);
                        else next.add(c.id);
                        return next;
                      })
                    }
                  />
                  <label htmlFor={`merge-${c.id}`}>{t('merge.include', { entity: c.entity.name })}</label>
                </div>
              )}
            </article>
          ))}
        </div>
      )}
      {mergeable.length > 0 && (
        <button type="button" className="button" disabled={merging.isPending} onClick={() => void merge()}>
          {t('merge.submit')}
        </button>
      )}
      {inputs.length > 0 && (
        <>
          <h3>{t('inputs.title')}</h3>
          {inputs.map((c) => (
            <Input
              key={c.id}
              contribution={c}
              base={base}
              canRespond={Boolean(answer.may?.edit) && open}
              queries={queries}
            />
          ))}
        </>
      )}
    </section>
  );
}

function Input(props: { contribution: Contribution; base: string; canRespond: boolean; queries: string[] }) {
  const { t } = useLocale();
  const c = props.contribution;
  const [text, setText] = useState(c.response ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const id = `response-${c.id}`;
  // A response: the answer page, and the stakeholder's to-do list and notifications.
  const responding = useApiMutation(
    (response: string) => post(`${props.base}/contributions/${c.entity.id}/response`, { text: response }),
    props.queries,
  );
  const send = async () => {
    if (!text.trim()) {
      setErrors([{ field: id, message: t('inputs.response_required') }]);
      return;
    }
    try {
      await responding.mutateAsync(text.trim());
      setErrors([]);
    } catch (failure) {
      setErrors(errorsOf(failure, id));
    }
  };
  return (
    <article className="contribution" aria-labelledby={`input-title-${c.id}`}>
      <h4 id={`input-title-${c.id}`} dir="auto">
        {c.entity.name}
      </h4>
      <div className="answer">
        <Blocks blocks={c.blocks} />
      </div>
      {props.canRespond ? (
        <Form errors={errors} onSubmit={send}>
          <TextArea id={id} label={t('inputs.response')} errors={errors} rows={3} value={text} onChange={setText} />
          <button type="submit" className="button button-secondary" disabled={responding.isPending}>
            {t('inputs.send_response')}
          </button>
        </Form>
      ) : (
        c.response && (
          <p dir="auto">
            <strong>{t('inputs.response')}:</strong> {c.response}
          </p>
        )
      )}
    </article>
  );
}
