import type { Editor, JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { useLocale } from '../../lib/i18n.js';
import { markersKey, synthesisExtensions, toSynthesisJson } from './synthesis-schema.js';
import { FigureView, MatrixView } from './synthesis-nodes.js';
import { SynthesisToolbar } from './synthesis-toolbar.js';

const same = (a: JSONContent, b: JSONContent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The synthesis's editor: TipTap with the synthesis's document type, in the document's language
 * and direction (an Arabic edition is right to left in a French interface). What is typed goes
 * out as the server's JSON (toSynthesisJson); a `value` that differs from what it last sent
 * (« Prendre leur version », a reload) replaces the text. `names` changing redraws the markers.
 */
export function SynthesisEditor(props: {
  id: string;
  label: string;
  cycle: string;
  language: string;
  value: JSONContent;
  onChange: (doc: JSONContent) => void;
  describe: (id: number) => string;
  open: (id: number) => void;
  onPanel: (panel: 'cite' | 'chart' | 'matrix') => void;
  onReady: (editor: Editor) => void;
  /** Changes when the citations' names do (to draw the markers again). */
  names: string;
  /** A reader who may not write (a translator): the text without toolbar, not editable. */
  readOnly?: boolean;
}) {
  const { t } = useLocale();
  const known = useRef<JSONContent>(props.value);
  const latest = useRef(props);
  latest.current = props;
  const labelId = `${props.id}-label`;
  const editor = useEditor({
    extensions: synthesisExtensions({
      cycle: props.cycle,
      views: { figure: FigureView, matrix: MatrixView },
      describe: (id) => latest.current.describe(id),
      open: (id) => latest.current.open(id),
    }),
    content: props.value.content?.length ? props.value : undefined,
    injectCSS: false,
    editable: !props.readOnly,
    editorProps: {
      attributes: {
        id: props.id,
        class: 'editor-area synthesis-area',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-describedby': `${props.id}-hint`,
        spellcheck: 'true',
        lang: props.language,
        dir: props.language === 'ar' ? 'rtl' : 'ltr',
        ...(props.readOnly ? { 'aria-readonly': 'true' } : {}),
      },
    },
    onUpdate: ({ editor: e }) => {
      const doc = toSynthesisJson(e.getJSON());
      if (same(doc, known.current)) return;
      known.current = doc;
      latest.current.onChange(doc);
    },
  });

  useEffect(() => {
    if (editor) props.onReady(editor);
  }, [editor]);

  useEffect(() => {
    if (!editor || same(props.value, known.current)) return;
    known.current = props.value;
    editor.commands.setContent(props.value.content?.length ? props.value : '', { emitUpdate: false });
  }, [editor, props.value]);

  useEffect(() => {
    if (editor) editor.view.dispatch(editor.state.tr.setMeta(markersKey, true).setMeta('addToHistory', false));
  }, [editor, props.names]);

  return (
    <div className="field editor synthesis-editor">
      <label id={labelId} onClick={() => editor?.commands.focus()}>
        {props.label}
      </label>
      <p className="hint" id={`${props.id}-hint`}>
        {t('synthesis.editor.hint')}
      </p>
      <div className="editor-frame">
        {editor && !props.readOnly && <SynthesisToolbar editor={editor} onPanel={props.onPanel} />}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
