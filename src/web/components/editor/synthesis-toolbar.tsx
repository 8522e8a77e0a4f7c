import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useRef, type KeyboardEvent } from 'react';
import { useLocale } from '../../lib/i18n.js';

type Action =
  | 'paragraph'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'bullets'
  | 'numbers'
  | 'bold'
  | 'italic'
  | 'cite'
  | 'chart'
  | 'matrix'
  | 'undo'
  | 'redo';
const ACTIONS: Action[] = [
  'paragraph',
  'h1',
  'h2',
  'h3',
  'bullets',
  'numbers',
  'bold',
  'italic',
  'cite',
  'chart',
  'matrix',
  'undo',
  'redo',
];
const SHORTCUTS: Partial<Record<Action, string>> = {
  bullets: 'Control+Shift+8',
  numbers: 'Control+Shift+7',
  bold: 'Control+B',
  italic: 'Control+I',
  undo: 'Control+Z',
  redo: 'Control+Y',
};
const ICONS: Record<Action, string> = {
  paragraph: '¶',
  h1: 'H1',
  h2: 'H2',
  h3: 'H3',
  bullets: '•',
  numbers: '1.',
  bold: 'B',
  italic: 'I',
  cite: '❝',
  chart: '▥',
  matrix: '▦',
  undo: '↶',
  redo: '↷',
};

/**
 * The synthesis editor's toolbar, as the answer editor's (editor/toolbar.tsx): one tab stop, the
 * arrow keys (mirrored in Arabic), Home and End move between buttons, each a word in the user's
 * language. « Citer », « Insérer un graphique » and « Insérer la matrice des objectifs » open
 * the page's panels (`onPanel`); the others format the text.
 */
export function SynthesisToolbar(props: { editor: Editor; onPanel: (panel: 'cite' | 'chart' | 'matrix') => void }) {
  const { editor } = props;
  const { t } = useLocale();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph') && !e.isActive('listItem'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const labels: Record<Action, string> = {
    paragraph: t('synthesis.toolbar.paragraph'),
    h1: t('synthesis.toolbar.h1'),
    h2: t('synthesis.toolbar.h2'),
    h3: t('synthesis.toolbar.h3'),
    bullets: t('editor.bullets'),
    numbers: t('editor.numbers'),
    bold: t('synthesis.toolbar.bold'),
    italic: t('synthesis.toolbar.italic'),
    cite: t('synthesis.toolbar.cite'),
    chart: t('synthesis.toolbar.chart'),
    matrix: t('synthesis.toolbar.matrix'),
    undo: t('editor.undo'),
    redo: t('editor.redo'),
  };
  const pressed: Partial<Record<Action, boolean>> = {
    paragraph: state.paragraph,
    h1: state.h1,
    h2: state.h2,
    h3: state.h3,
    bullets: state.bullets,
    numbers: state.numbers,
    bold: state.bold,
    italic: state.italic,
  };
  const enabled = (action: Action) => (action === 'undo' ? state.canUndo : action === 'redo' ? state.canRedo : true);
  const current = useRef(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const run = (action: Action) => {
    if (!enabled(action)) return;
    if (action === 'cite' || action === 'chart' || action === 'matrix') return props.onPanel(action);
    const chain = editor.chain().focus();
    if (action === 'paragraph') chain.setNode('paragraph');
    else if (action === 'h1' || action === 'h2' || action === 'h3')
      chain.setNode('heading', { level: Number(action.slice(1)) });
    else if (action === 'bullets') chain.toggleBulletList();
    else if (action === 'numbers') chain.toggleOrderedList();
    else if (action === 'bold') chain.toggleMark('bold');
    else if (action === 'italic') chain.toggleMark('italic');
    else if (action === 'undo') chain.undo();
    else chain.redo();
    chain.run();
  };

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const last = ACTIONS.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: (current.current + (rtl ? -1 : 1) + ACTIONS.length) % ACTIONS.length,
      ArrowLeft: (current.current + (rtl ? 1 : -1) + ACTIONS.length) % ACTIONS.length,
      Home: 0,
      End: last,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    current.current = next;
    buttons.current.forEach((b, i) => b?.setAttribute('tabindex', i === next ? '0' : '-1'));
    buttons.current[next]?.focus();
  };

  return (
    <div
      className="editor-toolbar synthesis-toolbar"
      role="toolbar"
      aria-label={t('synthesis.toolbar.label')}
      onKeyDown={move}
    >
      {ACTIONS.map((action, i) => (
        <button
          key={action}
          ref={(b) => {
            buttons.current[i] = b;
          }}
          type="button"
          className={`editor-button synthesis-${action}`}
          tabIndex={i === current.current ? 0 : -1}
          aria-pressed={pressed[action]}
          aria-disabled={enabled(action) ? undefined : true}
          aria-keyshortcuts={SHORTCUTS[action]}
          title={SHORTCUTS[action]?.replace('Control', 'Ctrl')}
          onFocus={() => {
            current.current = i;
          }}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => run(action)}
        >
          <span aria-hidden="true" className="editor-icon" dir="ltr">
            {ICONS[action]}
          </span>{' '}
          <span className="editor-word">{labels[action]}</span>
        </button>
      ))}
    </div>
  );
}
