import type { Block } from '../../domain/blocks.js';
import { textToBlocks } from './text-blocks.js';

/**
 * What is typed is kept in this browser's storage from the first keystroke until the server
 * confirms it has it: a refused save, a network error or a closed tab lose nothing.
 */
export interface Draft {
  blocks: Block[];
  /** The revision the text was started from. */
  baseRevision: number;
  /** When it was last typed (ISO). */
  at: string;
}

const PREFIX = 'pacte.draft.';

/** One key per review, question and target (`answer`, `contribution-12`). */
export const draftKey = (country: string, cycle: string, questionId: string, target: string) =>
  `${PREFIX}${country}/${cycle}/${questionId}/${target}`;

/**
 * The draft kept under `key`. Drafts kept before the editor had lists of its own hold the text
 * box's typing code (`text`): read as blocks, so nothing typed then is lost.
 */
export function loadDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft> & { text?: unknown };
    if (typeof draft.baseRevision !== 'number') return null;
    const at = typeof draft.at === 'string' ? draft.at : new Date().toISOString();
    if (Array.isArray(draft.blocks)) return { blocks: draft.blocks, baseRevision: draft.baseRevision, at };
    if (typeof draft.text === 'string')
      return { blocks: textToBlocks(draft.text), baseRevision: draft.baseRevision, at };
    return null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, blocks: Block[], baseRevision: number) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ blocks, baseRevision, at: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the text is still in the editor.
  }
}

export function clearDraft(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing kept, nothing to clear
  }
}
