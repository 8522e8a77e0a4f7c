import { useState } from 'react';
import { ApiError } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import type { Move } from '../lib/types.js';
import { ErrorSummary, Form, TextArea, type FieldError } from './form.js';

type T = ReturnType<typeof useLocale>['t'];

/**
 * A move's name on its button. Back from submitted to validated is a withdrawal, not a second
 * « Valider »; back from published is a correction (the published version stays public until
 * the next one); publishing a review never submitted is an administrator's « publish any ».
 */
export function moveLabel(t: T, kind: 'review' | 'answer', move: Pick<Move, 'to' | 'requires'>, status?: string) {
  if (kind === 'review') return t(`review.move.${reviewAction(move, status)}`);
  if (move.to === 'drafting' && status === 'approved') return t('answer.move.reopen');
  return t(`answer.move.${move.to}`);
}

/**
 * What a review's move does, as its messages name it (the target status alone does not say:
 * back to draft from published is a correction, to validated from submitted a withdrawal).
 */
export function reviewAction(move: Pick<Move, 'to' | 'requires'>, status?: string): string {
  if (move.to === 'validated' && status === 'submitted') return 'withdraw';
  if (move.to === 'draft' && status === 'published') return 'correct';
  if (move.to === 'published' && status !== 'submitted') return 'publish_any';
  return move.to;
}

/** Focuses a message when it appears (stable, so React calls it once): screen readers say it, eyes find it. */
export const focusOnMount = (node: HTMLElement | null) => {
  node?.focus();
  node?.scrollIntoView?.({ block: 'nearest' });
};

/** What a move changed, said once it succeeded (role=status), focused. */
export function MoveDone({ text, id }: { text: string; id: string }) {
  return (
    <p className="notice move-done" role="status" tabIndex={-1} id={id} ref={focusOnMount}>
      {text}
    </p>
  );
}

/**
 * An answer's moves, as buttons. Approving first asks for a confirmation saying what it does;
 * returning asks for a comment and re-opening for a reason (the form is the confirmation); after
 * a move, a message says what changed. `blocked`: moves the API says the reader may not make
 * now and why (answer.self_approval: they wrote the current text).
 */
export function Moves(props: {
  kind: 'review' | 'answer';
  moves: Move[];
  blocked?: { to: string; code: string }[];
  /** The current status (an approved answer is re-opened, a published review corrected). */
  status?: string;
  onMove: (move: Move, text: string) => Promise<void>;
}) {
  const { t } = useLocale();
  const [pending, setPending] = useState<Move | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const field = `${props.kind}-move-text`;
  const label = (move: Move) => moveLabel(t, props.kind, move, props.status);
  // Approving and every move that asks for words first confirm; the others are one click.
  const confirmed = (move: Move) => move.to === 'approved' || move.requires !== undefined;
  const blocked = (props.blocked ?? []).map((b) => (
    <p key={`${b.to}:${b.code}`} className="move-blocked">
      {t(`moves.blocked.${b.code}`)}
    </p>
  ));

  const run = async (move: Move, given: string) => {
    setBusy(true);
    setDone('');
    try {
      await props.onMove(move, given);
      setPending(null);
      setText('');
      setErrors([]);
      setDone(
        t(`moves.done.${props.kind}.${move.to === 'drafting' && props.status === 'approved' ? 'reopen' : move.to}`),
      );
    } catch (error) {
      // Under the field, else on the button pressed (the confirmation's, or the move's own).
      const at = move.requires
        ? field
        : confirmed(move)
          ? `${props.kind}-move-confirm`
          : `${props.kind}-move-${move.to}`;
      setErrors([{ field: at, message: messageOf(error) }]);
    } finally {
      setBusy(false);
    }
  };

  const confirm = () => {
    if (!pending) return;
    if (pending.requires && text.trim() === '') {
      setErrors([{ field, message: t(`moves.${pending.requires}_required`) }]);
      return;
    }
    void run(pending, text.trim());
  };

  if (pending) {
    const explain = pending.to === 'approved' ? 'approved' : pending.requires === 'reason' ? 'reopen' : '';
    return (
      <Form errors={errors} onSubmit={confirm} className="move-form move-confirm">
        <h4 tabIndex={-1} ref={focusOnMount}>
          {t('moves.confirm_title', { move: label(pending) })}
        </h4>
        {explain && <p>{t(`moves.explain.${explain}`)}</p>}
        {pending.requires && (
          <TextArea
            id={field}
            label={t(`moves.${pending.requires}_label`)}
            errors={errors}
            value={text}
            onChange={setText}
          />
        )}
        <div className="button-group">
          <button type="submit" id={`${props.kind}-move-confirm`} className="button" disabled={busy}>
            {label(pending)}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setPending(null);
              setErrors([]);
              setText('');
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    );
  }

  return (
    <div className="moves">
      <ErrorSummary errors={errors} />
      {done && <MoveDone id={`${props.kind}-move-done`} text={done} />}
      {props.moves.length === 0 && blocked.length === 0 && <p className="muted">{t('moves.none')}</p>}
      {blocked}
      {props.moves.length > 0 && (
        <div className="button-group">
          {props.moves.map((move) => (
            <button
              key={move.to}
              id={`${props.kind}-move-${move.to}`}
              type="button"
              className={`button${move.requires ? ' button-secondary' : ''}`}
              disabled={busy}
              onClick={() => {
                setDone('');
                setErrors([]);
                if (confirmed(move)) setPending(move);
                else void run(move, '');
              }}
            >
              {label(move)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
