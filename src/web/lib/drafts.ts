/**
 * What is typed is kept in this browser's storage from the first keystroke until the server
 * confirms it has it: a refused save, a network error or a closed tab lose nothing.
 */
export interface Draft {
  text: string;
  /** The revision the text was started from. */
  baseRevision: number;
  /** When it was last typed (ISO). */
  at: string;
}

const PREFIX = 'pacte.draft.';

/** One key per review, question and target (`answer`, `contribution-12`). */
export const draftKey = (country: string, cycle: string, questionId: string, target: string) =>
  `${PREFIX}${country}/${cycle}/${questionId}/${target}`;

export function loadDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return typeof draft.text === 'string' && typeof draft.baseRevision === 'number' ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, text: string, baseRevision: number) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ text, baseRevision, at: new Date().toISOString() }));
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
