import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useRef, type KeyboardEvent } from 'react';
import { useLocale } from '../../lib/i18n.js';
import { MAX_LIST_DEPTH } from './convert.js';
import { listDepthAt } from './schemas.js';

type Action = 'bullets' | 'numbers' | 'indent' | 'outdent' | 'undo' | 'redo';
const ACTIONS: Action[] = ['bullets', 'numbers', 'indent', 'outdent', 'undo', 'redo'];
/** The keys that do the same (aria-keyshortcuts, and the button's title). */
const SHORTCUTS: Record<Action, string> = {
  bullets: 'Control+Shift+8',
  numbers: 'Control+Shift+7',
  indent: 'Tab',
  outdent: 'Shift+Tab',
  undo: 'Control+Z',
  redo: 'Control+Y',
};

/** The list type the cursor is in (the innermost list), if any. */
function innermostList(editor: Editor): 'bulletList' | 'orderedList' | null {
  const { $from } = editor.state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const name = $from.node(d).type.name;
    if (name === 'bulletList' || name === 'orderedList') return name;
  }
  return null;
}

/**
 * The editor's toolbar: one tab stop (roving focus: the arrow keys, mirrored in Arabic, Home and
 * End move between buttons), each button a word in the user's language. A button that cannot act
 * here stays focusable but says so (aria-disabled), so the row does not shift under the keyboard.
 * After a button acts the cursor goes back to the text.
 */
export function EditorToolbar({ editor, label }: { editor: Editor; label: string }) {
  const { t } = useLocale();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const list = innermostList(e);
      return {
        bullets: list === 'bulletList',
        numbers: list === 'orderedList',
        canIndent: e.can().sinkListItem('listItem') && listDepthAt(e.state) < MAX_LIST_DEPTH,
        canOutdent: e.can().liftListItem('listItem'),
        canUndo: e.can().undo(),
        canRedo: e.can().redo(),
      };
    },
  });
  // Written out, so that the messages' usage check finds each key.
  const labels: Record<Action, string> = {
    bullets: t('editor.bullets'),
    numbers: t('editor.numbers'),
    indent: t('editor.indent'),
    outdent: t('editor.outdent'),
    undo: t('editor.undo'),
    redo: t('editor.redo'),
  };
  const current = useRef(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const enabled: Record<Action, boolean> = {
    bullets: true,
    numbers: true,
    indent: state.canIndent,
    outdent: state.canOutdent,
    undo: state.canUndo,
    redo: state.canRedo,
  };
  const run = (action: Action) => {
    if (!enabled[action]) return;
    const chain = editor.chain().focus();
    if (action === 'bullets') chain.toggleBulletList();
    else if (action === 'numbers') chain.toggleOrderedList();
    else if (action === 'indent') chain.sinkListItem('listItem');
    else if (action === 'outdent') chain.liftListItem('listItem');
    else if (action === 'undo') chain.undo();
    else chain.redo();
    chain.run();
  };

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const steps: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
      Home: -ACTIONS.length,
      End: ACTIONS.length,
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next =
      Math.abs(step) > 1
        ? step < 0
          ? 0
          : ACTIONS.length - 1
        : (current.current + step + ACTIONS.length) % ACTIONS.length;
    current.current = next;
    buttons.current.forEach((b, i) => b?.setAttribute('tabindex', i === next ? '0' : '-1'));
    buttons.current[next]?.focus();
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={label} onKeyDown={move}>
      {ACTIONS.map((action, i) => {
        const pressed = action === 'bullets' ? state.bullets : action === 'numbers' ? state.numbers : undefined;
        return (
          <button
            key={action}
            ref={(b) => {
              buttons.current[i] = b;
            }}
            type="button"
            className={`editor-button editor-${action}`}
            tabIndex={i === current.current ? 0 : -1}
            aria-pressed={pressed}
            aria-disabled={enabled[action] ? undefined : true}
            aria-keyshortcuts={SHORTCUTS[action]}
            title={SHORTCUTS[action].replace('Control', 'Ctrl')}
            onFocus={() => {
              current.current = i;
            }}
            // The text keeps its selection while a button is clicked.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(action)}
          >
            <span aria-hidden="true" className="editor-icon" dir="ltr">
              {ICONS[action]}
            </span>{' '}
            <span className="editor-word">{labels[action]}</span>
          </button>
        );
      })}
    </div>
  );
}

/** Small signs before the words (hidden from screen readers: the words say it). */
const ICONS: Record<Action, string> = {
  bullets: '•',
  numbers: '1.',
  indent: '⇥',
  outdent: '⇤',
  undo: '↶',
  redo: '↷',
};
