import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Block } from '../../domain/blocks.js';
import { ApiError, isNetworkError } from '../lib/api.js';
import { clearDraft, loadDraft, saveDraft } from '../lib/drafts.js';
import { useLocale } from '../lib/i18n.js';
import { blocksToText, textToBlocks } from '../lib/text-blocks.js';
import { BlockEditor } from './block-editor.js';
import { Blocks } from './blocks.js';
import { messageOf } from './moves.js';

interface Conflict {
  currentRevision: number;
  blocks: Block[];
  author?: string | null;
}

/**
 * The block editor with the rules of "no lost work": what is typed goes to this browser's storage
 * at every keystroke until the server confirms it; a text left there is restored (with a notice);
 * a save refused because someone saved meanwhile (409 *.edit_conflict) shows both versions with
 * "keep mine", "take theirs" or "edit"; a network error keeps the text. With `autosave`, saves
 * two seconds after the last keystroke.
 */
export function DraftEditor(props: {
  id: string;
  label: string;
  storageKey: string;
  serverBlocks: Block[];
  serverRevision: number;
  /** Saves on the server (a mutation: what the page shows is fetched again before it resolves). */
  save: (blocks: Block[], baseRevision: number) => Promise<{ revision?: number } | undefined>;
  autosave?: boolean;
  disabled?: boolean;
  saveLabel?: string;
  /** More buttons next to Save (e.g. Submit), given a function that saves first if needed. */
  actions?: (flush: () => Promise<boolean>) => ReactNode;
}) {
  const { t, time, dateTime } = useLocale();
  const serverText = blocksToText(props.serverBlocks);
  const [initial] = useState(() => {
    const draft = loadDraft(props.storageKey);
    if (draft && draft.text !== serverText) return { text: draft.text, base: draft.baseRevision, restoredAt: draft.at };
    if (draft) clearDraft(props.storageKey);
    return { text: serverText, base: props.serverRevision, restoredAt: null as string | null };
  });
  const [text, setText] = useState(initial.text);
  const [base, setBase] = useState(initial.base);
  const [restoredAt, setRestoredAt] = useState(initial.restoredAt);
  // The text the server has (the last one loaded or saved): the editor is dirty when it differs.
  const [savedText, setSavedText] = useState(serverText);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reference, setReference] = useState<Conflict | null>(null);
  const dirty = text !== savedText;
  const latest = useRef({ text, base });
  latest.current = { text, base };

  // The server's text changed (a merge, a restore, a reload): take it unless something is typed.
  useEffect(() => {
    if (props.serverRevision === base) return;
    if (latest.current.text === savedText) {
      setText(serverText);
      setSavedText(serverText);
      setBase(props.serverRevision);
    }
    // Only when the server's revision moves (a keystroke must not bring the server's text back).
  }, [props.serverRevision]);

  const change = (value: string) => {
    setText(value);
    saveDraft(props.storageKey, value, base);
    if (state === 'saved') setState('idle');
  };

  const save = useCallback(
    async (baseRevision: number, value: string): Promise<boolean> => {
      setState('saving');
      setError('');
      try {
        const result = await props.save(textToBlocks(value), baseRevision);
        const revision = result?.revision ?? baseRevision + 1;
        setBase(revision);
        setSavedText(value);
        if (latest.current.text === value) clearDraft(props.storageKey);
        else saveDraft(props.storageKey, latest.current.text, revision);
        setConflict(null);
        setReference(null);
        setRestoredAt(null);
        setSavedAt(new Date());
        setState('saved');
        return true;
      } catch (failure) {
        setState('error');
        if (failure instanceof ApiError && failure.code.endsWith('.edit_conflict')) {
          const d = failure.details as Partial<Conflict>;
          setConflict({
            currentRevision: Number(d.currentRevision ?? baseRevision),
            blocks: Array.isArray(d.blocks) ? d.blocks : [],
            author: d.author ?? null,
          });
          setError(failure.message);
        } else if (isNetworkError(failure)) {
          setError(t('editor.network_kept', { message: messageOf(failure) }));
        } else {
          setError(messageOf(failure));
        }
        return false;
      }
    },
    [props, t],
  );

  const flush = useCallback(
    async () =>
      latest.current.text === savedText && !conflict ? true : save(latest.current.base, latest.current.text),
    [save, savedText, conflict],
  );

  // Autosave: two seconds after the last keystroke, unless a conflict waits for a decision.
  useEffect(() => {
    if (!props.autosave || !dirty || conflict || state === 'saving') return;
    const timer = window.setTimeout(() => void save(base, text), 2000);
    return () => window.clearTimeout(timer);
  }, [props.autosave, dirty, conflict, text, base, save, state]);

  const keepMine = () => conflict && void save(conflict.currentRevision, text);
  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = blocksToText(conflict.blocks);
    setText(theirs);
    setSavedText(theirs);
    setBase(conflict.currentRevision);
    clearDraft(props.storageKey);
    setConflict(null);
    setError('');
    setState('idle');
  };
  const editBoth = () => {
    if (!conflict) return;
    setBase(conflict.currentRevision);
    saveDraft(props.storageKey, text, conflict.currentRevision);
    setReference(conflict);
    setConflict(null);
    setError('');
    setState('idle');
    window.setTimeout(() => document.getElementById(props.id)?.focus(), 0);
  };

  return (
    <div className="draft-editor">
      {restoredAt && (
        <div className="notice" role="status">
          <p>{t('editor.restored', { when: dateTime(restoredAt) })}</p>
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
                <Blocks blocks={textToBlocks(text)} />
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
      <BlockEditor id={props.id} label={props.label} value={text} onChange={change} disabled={props.disabled} />
      <div className="button-group">
        {!props.disabled && (
          <button
            type="button"
            className="button"
            disabled={state === 'saving' || Boolean(conflict)}
            onClick={() => void save(base, text)}
          >
            {props.saveLabel ?? t('editor.save')}
          </button>
        )}
        {props.actions?.(flush)}
      </div>
      <p className="save-state" role="status" aria-live="polite">
        {state === 'saving' && t('editor.saving')}
        {state === 'saved' && savedAt && t('editor.saved_at', { time: time(savedAt) })}
        {state === 'idle' && dirty && t('editor.unsaved')}
      </p>
      {state === 'error' && !conflict && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
