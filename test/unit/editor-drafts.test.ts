import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { clearDraft, loadDraft, saveDraft } from '../../src/web/lib/drafts.js';

/** The browser's storage, as much of it as drafts.ts uses. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const KEY = 'pacte.draft.MAR/arab-2021/I.a/answer';
const host = globalThis as { window?: unknown };

describe('drafts kept in the browser', () => {
  beforeEach(() => {
    host.window = { localStorage: memoryStorage() };
  });
  afterEach(() => {
    delete host.window;
  });

  it('keeps blocks with their base revision until cleared', () => {
    const blocks: Block[] = [
      { type: 'paragraph', text: 'Intro' },
      { type: 'list', ordered: false, items: [{ text: 'un', blocks: [] }] },
    ];
    saveDraft(KEY, blocks, 3);
    expect(loadDraft(KEY)).toMatchObject({ blocks, baseRevision: 3 });
    clearDraft(KEY);
    expect(loadDraft(KEY)).toBeNull();
  });

  it('reads a draft kept by the text box (typing code) as blocks: nothing typed before is lost', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const stored = { text: 'Intro\n- un\n  - deux\n1. trois', baseRevision: 2, at };
    (host.window as { localStorage: ReturnType<typeof memoryStorage> }).localStorage.setItem(
      KEY,
      JSON.stringify(stored),
    );
    expect(loadDraft(KEY)).toEqual({
      blocks: [
        { type: 'paragraph', text: 'Intro' },
        {
          type: 'list',
          ordered: false,
          items: [{ text: 'un', blocks: [{ type: 'list', ordered: false, items: [{ text: 'deux', blocks: [] }] }] }],
        },
        { type: 'list', ordered: true, items: [{ text: 'trois', blocks: [] }] },
      ],
      baseRevision: 2,
      at,
    });
  });

  it('ignores what is not a draft', () => {
    const storage = (host.window as { localStorage: ReturnType<typeof memoryStorage> }).localStorage;
    storage.setItem(KEY, '{not json');
    expect(loadDraft(KEY)).toBeNull();
    storage.setItem(KEY, JSON.stringify({ blocks: [], baseRevision: 'x' }));
    expect(loadDraft(KEY)).toBeNull();
  });
});
