import { useState } from 'react';
import { ApiError } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import type { Move } from '../lib/types.js';
import { ErrorSummary, Form, TextArea, type FieldError } from './form.js';

/**
 * The moves allowed from the current status, as buttons. A move that needs a comment (returning
 * an answer) or a reason (re-opening, going back) first asks for it.
 */
export function Moves(props: {
  kind: 'review' | 'answer';
  moves: Move[];
  /** The current status (a published review goes back to draft to be corrected). */
  status?: string;
  onMove: (move: Move, text: string) => Promise<void>;
}) {
  const { t } = useLocale();
  const [pending, setPending] = useState<Move | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const field = `${props.kind}-move-text`;
  // Back from submitted to validated is a withdrawal, not a second "Validate"; back from
  // published is a correction (the published version stays public until the next one).
  const moveLabel = (move: Move) => {
    if (props.kind === 'review' && move.to === 'validated' && move.requires) return t('review.move.withdraw');
    if (props.kind === 'review' && move.to === 'draft' && props.status === 'published') return t('review.move.correct');
    return t(`${props.kind}.move.${move.to}`);
  };

  if (props.moves.length === 0) return <p className="muted">{t('moves.none')}</p>;

  const run = async (move: Move, given: string) => {
    setBusy(true);
    try {
      await props.onMove(move, given);
      setPending(null);
      setText('');
      setErrors([]);
    } catch (error) {
      setErrors([{ field: move.requires ? field : `${props.kind}-move-${move.to}`, message: messageOf(error) }]);
    } finally {
      setBusy(false);
    }
  };

  const confirm = () => {
    if (!pending) return;
    if (text.trim() === '') {
      setErrors([{ field, message: t(`moves.${pending.requires}_required`) }]);
      return;
    }
    void run(pending, text.trim());
  };

  if (pending) {
    return (
      <Form errors={errors} onSubmit={confirm} className="move-form">
        <TextArea
          id={field}
          label={t(`moves.${pending.requires}_label`)}
          hint={moveLabel(pending)}
          errors={errors}
          value={text}
          onChange={setText}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {moveLabel(pending)}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setPending(null);
              setErrors([]);
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    );
  }

  return (
    <div>
      <ErrorSummary errors={errors} />
      <div className="button-group">
        {props.moves.map((move) => (
          <button
            key={move.to}
            id={`${props.kind}-move-${move.to}`}
            type="button"
            className={`button${move.requires ? ' button-secondary' : ''}`}
            disabled={busy}
            onClick={() => (move.requires ? setPending(move) : void run(move, ''))}
          >
            {moveLabel(move)}
          </button>
        ))}
      </div>
    </div>
  );
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
