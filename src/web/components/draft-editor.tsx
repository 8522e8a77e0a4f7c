import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { sameBlocks, type Block } from '../../domain/blocks.js';
import { ApiError, isNetworkError } from '../lib/api.js';
import { clearDraft, loadDraft, saveDraft } from '../lib/drafts.js';
import { useLocale } from '../lib/i18n.js';
import { BlockEditor } from './block-editor.js';
import { Blocks } from './blocks.js';
import { messageOf } from './moves.js';

interface Conflict {
  currentRevision: number;
  blocks: Block[];
  author?: string | null;
}

/** The author's working draft as the server keeps it (answers: autosaved, not a revision). */
export interface ServerDraft {
  blocks: Block[];
  /** The typed value being chosen (issue 15), on typed questions. */
  value?: unknown;
  baseRevision: number;
  updatedAt: string;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'drafted' | 'error';

/** A typed value (issue 15) as the editor compares them: null and absent are no value. */
type Value = unknown;
const sameValue = (a: Value, b: Value) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The typed value of a question that asks for one, edited above the text and saved with it: the
 * same draft, autosave, « Save » and conflict rules as the text. `render` draws its control
 * (components/value-field.tsx) with the error the server gave for it.
 */
export interface ValueSlot {
  server: Value;
  render: (value: Value, onChange: (value: Value) => void, error: string | null) => ReactNode;
  /** The id of the control, where the error message leads. */
  fieldId: string;
}

/**
 * The block editor with the rules of "no lost work": what is typed goes to this browser's storage
 * at every change until the server confirms it; a text left there is restored (with a notice), or
 * else the working draft the server keeps (`serverDraft`); a save refused because someone saved
 * meanwhile (409 *.edit_conflict) shows both versions with "keep mine", "take theirs" or "edit";
 * a network error keeps the text. Two seconds after the last change it saves by itself: a
 * revision with `autosave`, the server's working draft with `autosaveDraft` (Save still writes a
 * revision). The actions stay at the bottom of the screen while the editor is on it (phones).
 */
export function DraftEditor(props: {
  id: string;
  label: string;
  storageKey: string;
  serverBlocks: Block[];
  serverRevision: number;
  /** Saves on the server (a mutation: what the page shows is fetched again before it resolves). */
  save: (blocks: Block[], baseRevision: number, value?: Value) => Promise<{ revision?: number } | undefined>;
  autosave?: boolean;
  /** Autosaves the working draft on the server instead of writing a revision. */
  autosaveDraft?: (blocks: Block[], baseRevision: number, value?: Value) => Promise<void>;
  /** The question's typed value (issue 15), edited with the text. */
  value?: ValueSlot;
  /** The working draft the server kept, read when the editor opens. */
  serverDraft?: ServerDraft | null;
  /** Drops the server's working draft (taking the other person's text leaves nothing of mine). */
  discardDraft?: () => Promise<void>;
  disabled?: boolean;
  saveLabel?: string;
  /** More buttons next to Save (e.g. Submit), given a function that saves first if needed. */
  actions?: (flush: () => Promise<boolean>) => ReactNode;
}) {
  const { t, time, dateTime } = useLocale();
  const [initial] = useState(() => {
    const draft = loadDraft(props.storageKey);
    if (draft && !sameBlocks(draft.blocks, props.serverBlocks))
      return { blocks: draft.blocks, base: draft.baseRevision, restoredAt: draft.at, resumedAt: null };
    if (draft) clearDraft(props.storageKey);
    const kept = props.serverDraft;
    const keptValue = props.value && kept && 'value' in kept ? kept.value : props.value?.server;
    if (kept && (!sameBlocks(kept.blocks, props.serverBlocks) || !sameValue(keptValue, props.value?.server)))
      return {
        blocks: kept.blocks,
        value: keptValue,
        base: kept.baseRevision,
        restoredAt: null,
        resumedAt: kept.updatedAt,
      };
    return { blocks: props.serverBlocks, base: props.serverRevision, restoredAt: null, resumedAt: null };
  });
  const [value, setValue] = useState<Value>('value' in initial ? initial.value : props.value?.server);
  const [savedValue, setSavedValue] = useState<Value>(props.value?.server);
  const [draftedValue, setDraftedValue] = useState<Value>(initial.resumedAt ? value : undefined);
  const [valueError, setValueError] = useState<string | null>(null);
  const [blocks, setBlocks] = useState<Block[]>(initial.blocks);
  const [base, setBase] = useState(initial.base);
  const [restoredAt, setRestoredAt] = useState<string | null>(initial.restoredAt);
  const [resumedAt, setResumedAt] = useState<string | null>(initial.resumedAt);
  // The blocks the server has as a revision (the last loaded or saved): dirty when they differ.
  const [savedBlocks, setSavedBlocks] = useState<Block[]>(props.serverBlocks);
  // The blocks last autosaved as the server's working draft (answers), not a revision.
  const [draftedBlocks, setDraftedBlocks] = useState<Block[] | null>(initial.resumedAt ? initial.blocks : null);
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reference, setReference] = useState<Conflict | null>(null);
  const dirty = !sameBlocks(blocks, savedBlocks) || !sameValue(value, savedValue);
  const latest = useRef({ blocks, base, savedBlocks, value, savedValue });
  latest.current = { blocks, base, savedBlocks, value, savedValue };
  // The save or autosave under way: Submit (flush) waits for it rather than save on a stale base.
  const inFlight = useRef<Promise<unknown> | null>(null);
  const track = <T,>(work: Promise<T>): Promise<T> => {
    inFlight.current = work;
    // Both ways (a failure is the caller's to handle: this side promise must not reject unseen).
    const done = () => {
      if (inFlight.current === work) inFlight.current = null;
    };
    work.then(done, done);
    return work;
  };

  // The server's text changed (a merge, a restore, a reload): take it unless something is typed.
  useEffect(() => {
    if (props.serverRevision === base) return;
    if (sameBlocks(latest.current.blocks, savedBlocks) && sameValue(latest.current.value, latest.current.savedValue)) {
      setBlocks(props.serverBlocks);
      setSavedBlocks(props.serverBlocks);
      setValue(props.value?.server);
      setSavedValue(props.value?.server);
      setBase(props.serverRevision);
    }
    // Only when the server's revision moves (a keystroke must not bring the server's text back).
  }, [props.serverRevision]);

  const change = (value: Block[]) => {
    setBlocks(value);
    saveDraft(props.storageKey, value, base);
    if (state === 'saved' || state === 'drafted') setState('idle');
  };
  const changeValue = (next: Value) => {
    setValue(next);
    setValueError(null);
    if (state === 'saved' || state === 'drafted' || state === 'error') setState('idle');
  };

  const fail = useCallback(
    (failure: unknown, baseRevision: number) => {
      setState('error');
      if (failure instanceof ApiError && failure.code === 'answer.value_invalid') {
        // Said next to the value's control, and linked from the message under the editor.
        setValueError(failure.message);
        setError(failure.message);
      } else if (failure instanceof ApiError && failure.code.endsWith('.edit_conflict')) {
        const d = failure.details as Partial<Conflict>;
        setConflict({
          currentRevision: Number(d.currentRevision ?? baseRevision),
          blocks: Array.isArray(d.blocks) ? d.blocks : [],
          // Who saved meanwhile as people read them (details.authorName), else as recorded.
          author: (typeof failure.details.authorName === 'string' ? failure.details.authorName : d.author) ?? null,
        });
        setError(failure.message);
      } else if (isNetworkError(failure)) {
        setError(t('editor.network_kept', { message: messageOf(failure) }));
      } else {
        setError(messageOf(failure));
      }
    },
    [t],
  );

  /** After the server confirmed `value`: the browser's copy is needed only for what came since. */
  const confirmed = (value: Block[], revision: number) => {
    if (sameBlocks(latest.current.blocks, value)) clearDraft(props.storageKey);
    else saveDraft(props.storageKey, latest.current.blocks, revision);
    setConflict(null);
    setReference(null);
    setRestoredAt(null);
    setResumedAt(null);
    setSavedAt(new Date());
  };

  const save = useCallback(
    async (baseRevision: number, value: Block[], typed: Value = latest.current.value): Promise<boolean> => {
      setState('saving');
      setError('');
      setValueError(null);
      try {
        const result = await track(
          props.value ? props.save(value, baseRevision, typed) : props.save(value, baseRevision),
        );
        const revision = result?.revision ?? baseRevision + 1;
        // Known at once to a flush waiting for this save (the state shows at the next render).
        latest.current = { ...latest.current, base: revision, savedBlocks: value, savedValue: typed };
        setBase(revision);
        setSavedBlocks(value);
        setSavedValue(typed);
        setDraftedBlocks(null);
        confirmed(value, revision);
        setState('saved');
        return true;
      } catch (failure) {
        fail(failure, baseRevision);
        return false;
      }
    },
    [props, fail],
  );

  const autosaveDraft = props.autosaveDraft;
  const draft = useCallback(
    async (baseRevision: number, value: Block[], typed: Value = latest.current.value) => {
      if (!autosaveDraft) return;
      setState('saving');
      setError('');
      try {
        await track(autosaveDraft(value, baseRevision, typed));
        setDraftedBlocks(value);
        setDraftedValue(typed);
        confirmed(value, baseRevision);
        setState('drafted');
      } catch (failure) {
        fail(failure, baseRevision);
      }
    },
    [autosaveDraft, fail],
  );

  const flush = useCallback(async () => {
    if (inFlight.current) await inFlight.current.catch(() => undefined);
    const now = latest.current;
    return sameBlocks(now.blocks, now.savedBlocks) && sameValue(now.value, now.savedValue) && !conflict
      ? true
      : save(now.base, now.blocks);
  }, [save, conflict]);

  // Autosave: two seconds after the last change, unless a conflict waits for a decision.
  const drafted = draftedBlocks !== null && sameBlocks(blocks, draftedBlocks) && sameValue(value, draftedValue);
  useEffect(() => {
    if (!(props.autosave || autosaveDraft) || !dirty || drafted || conflict || state === 'saving' || valueError) return;
    const timer = window.setTimeout(() => void (autosaveDraft ? draft(base, blocks) : save(base, blocks)), 2000);
    return () => window.clearTimeout(timer);
    // An autosave that the server refused (a value that does not fit) waits for the next change.
  }, [props.autosave, autosaveDraft, dirty, drafted, conflict, blocks, value, valueError, base, save, draft, state]);

  const keepMine = () => conflict && void save(conflict.currentRevision, blocks);
  const takeTheirs = () => {
    if (!conflict) return;
    setBlocks(conflict.blocks);
    setSavedBlocks(conflict.blocks);
    setBase(conflict.currentRevision);
    clearDraft(props.storageKey);
    // Else the draft this text replaced would be offered again on the next visit. A failure
    // leaves only that offer behind, which the author can refuse: nothing to say here.
    void props.discardDraft?.().catch(() => {});
    setConflict(null);
    setError('');
    setState('idle');
  };
  const editBoth = () => {
    if (!conflict) return;
    setBase(conflict.currentRevision);
    saveDraft(props.storageKey, blocks, conflict.currentRevision);
    setReference(conflict);
    setConflict(null);
    setError('');
    setState('idle');
    window.setTimeout(() => document.getElementById(props.id)?.focus(), 0);
  };

  return (
    <>
      {/* The typed value (issue 15) above the editor's box, so that the sticky row of actions,
          which stays inside that box, never floats over it. */}
      {props.value?.render(value, changeValue, valueError)}
      <div className="draft-editor">
        {(restoredAt || resumedAt) && (
          <div className="notice" role="status">
            <p>
              {restoredAt
                ? t('editor.restored', { when: dateTime(restoredAt) })
                : t('editor.draft_resumed', { when: dateTime(resumedAt!) })}
            </p>
          </div>
        )}
        {conflict && (
          <section className="conflict" aria-labelledby={`${props.id}-conflict`} role="alert">
            <h3 id={`${props.id}-conflict`}>{t('editor.conflict_title')}</h3>
            <p>{error}</p>
            <div className="side-by-side">
              <div>
                <h4>
                  {t('editor.theirs', {
                    revision: conflict.currentRevision,
                    author: conflict.author ?? t('common.someone'),
                  })}
                </h4>
                <div className="answer">
                  <Blocks blocks={conflict.blocks} />
                </div>
              </div>
              <div>
                <h4>{t('editor.yours')}</h4>
                <div className="answer">
                  <Blocks blocks={blocks} />
                </div>
              </div>
            </div>
            <div className="button-group">
              <button type="button" className="button" onClick={keepMine}>
                {t('editor.keep_mine')}
              </button>
              <button type="button" className="button button-secondary" onClick={takeTheirs}>
                {t('editor.take_theirs')}
              </button>
              <button type="button" className="button button-secondary" onClick={editBoth}>
                {t('editor.edit_both')}
              </button>
            </div>
          </section>
        )}
        {reference && (
          <section className="reference" aria-labelledby={`${props.id}-reference`}>
            <h3 id={`${props.id}-reference`}>
              {t('editor.theirs', {
                revision: reference.currentRevision,
                author: reference.author ?? t('common.someone'),
              })}
            </h3>
            <div className="answer">
              <Blocks blocks={reference.blocks} />
            </div>
          </section>
        )}
        <BlockEditor id={props.id} label={props.label} value={blocks} onChange={change} disabled={props.disabled} />
        {/* One row, sticky at the bottom of the screen while the editor is on it (phones). */}
        <div className="button-group editor-actions">
          {!props.disabled && (
            <button
              type="button"
              className="button"
              disabled={state === 'saving' || Boolean(conflict)}
              onClick={() => void save(base, blocks)}
            >
              {props.saveLabel ?? t('editor.save')}
            </button>
          )}
          {props.actions?.(flush)}
          <p className="save-state" role="status" aria-live="polite">
            {state === 'saving' && t('editor.saving')}
            {state === 'saved' && savedAt && t('editor.saved_at', { time: time(savedAt) })}
            {state === 'drafted' && savedAt && t('editor.draft_saved_at', { time: time(savedAt) })}
            {state === 'idle' && dirty && !drafted && t('editor.unsaved')}
          </p>
        </div>
        {state === 'error' && !conflict && (
          <p className="error-message" role="alert">
            {valueError && props.value ? (
              <a
                href={`#${props.value.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(props.value!.fieldId)?.focus();
                }}
              >
                {error}
              </a>
            ) : (
              error
            )}
          </p>
        )}
      </div>
    </>
  );
}
