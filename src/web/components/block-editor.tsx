import type { Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { sameBlocks, type Block } from '../../domain/blocks.js';
import { useLocale } from '../lib/i18n.js';
import { clipboardToBlocks } from '../lib/paste/index.js';
import { blocksToDoc, docToBlocks } from './editor/convert.js';
import { SCHEMAS, type DocumentType } from './editor/schemas.js';
import { EditorToolbar } from './editor/toolbar.js';
import { describedBy, FieldMessage, type FieldError } from './error-summary.js';

/**
 * The block editor (TipTap): paragraphs and nested lists, edited as they look, with a toolbar
 * and the keyboard (docs/architecture.md « The web app »). The editable area carries the field's
 * id, so error summaries and tests reach it like any field. What the user types goes out as
 * blocks; a `value` that differs from what it last sent (the server's text, "take theirs")
 * replaces the text.
 */
export function BlockEditor(props: {
  id: string;
  label: string;
  value: Block[];
  onChange: (blocks: Block[]) => void;
  errors?: FieldError[];
  disabled?: boolean;
  documentType?: DocumentType;
}) {
  const { t } = useLocale();
  const errors = props.errors ?? [];
  const hint = `${props.id}-hint`;
  const labelId = `${props.id}-label`;
  // The blocks last sent out (or taken in): the editor's text as the rest of the page knows it.
  const known = useRef<Block[]>(props.value);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  // Read by ProseMirror each time it draws the editable area (attributes change with errors).
  const attributes = useRef<Record<string, string>>({});
  attributes.current = {
    id: props.id,
    class: 'editor-area',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    spellcheck: 'true',
    ...(describedBy(props.id, errors, hint) ? { 'aria-describedby': describedBy(props.id, errors, hint)! } : {}),
    ...(props.disabled ? { 'aria-readonly': 'true' } : {}),
  };

  const editor = useEditor({
    extensions: SCHEMAS[props.documentType ?? 'answer'],
    content: blocksToDoc(props.value),
    editable: !props.disabled,
    // The app's CSP allows no inline <style>: ProseMirror's few rules are in app.css.
    injectCSS: false,
    editorProps: {
      attributes: () => attributes.current,
      handlePaste: (_view, event) => paste(editorOf(_view.dom), event),
    },
    onUpdate: ({ editor: e }) => {
      const blocks = docToBlocks(e.getJSON());
      if (sameBlocks(blocks, known.current)) return;
      known.current = blocks;
      onChange.current(blocks);
    },
  });

  // A value from outside (a reload, "take theirs"): it becomes the text, as one undoable step.
  useEffect(() => {
    if (!editor || sameBlocks(props.value, known.current)) return;
    known.current = props.value;
    editor.commands.setContent(blocksToDoc(props.value), { emitUpdate: false });
  }, [editor, props.value]);

  useEffect(() => {
    if (!editor) return;
    editor.setEditable(!props.disabled, false);
    editor.view.setProps({});
  }, [editor, props.disabled, attributes.current['aria-describedby']]);

  return (
    <div className={`field editor${errors.some((e) => e.field === props.id) ? ' field-error' : ''}`}>
      <label id={labelId} onClick={() => editor?.commands.focus()}>
        {props.label}
      </label>
      <p className="hint" id={hint}>
        {t('editor.hint')}
      </p>
      <FieldMessage id={props.id} errors={errors} />
      <div className="editor-frame">
        {/* Read-only (a submitted contribution): nothing to format. */}
        {editor && !props.disabled && <EditorToolbar editor={editor} label={t('editor.toolbar')} />}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

/** TipTap keeps its editor on the editable element. */
const editorOf = (dom: HTMLElement) => (dom as HTMLElement & { editor?: Editor }).editor;

/**
 * The paste filter in the editor: the clipboard's HTML (Word with its mso-list paragraphs,
 * LibreOffice, Google Docs, a web page), else its plain text with typed bullets and numbers,
 * becomes blocks, inserted at the selection as lists. One paragraph goes in as words, inside
 * the paragraph or list item the cursor is in.
 */
function paste(editor: Editor | undefined, event: ClipboardEvent): boolean {
  const data = event.clipboardData;
  if (!editor || !data) return false;
  const blocks = clipboardToBlocks({ html: data.getData('text/html'), text: data.getData('text/plain') });
  if (blocks.length === 0) return true;
  const [first] = blocks;
  // A paste is one step of the history of its own, however soon after typing it comes.
  if (blocks.length === 1 && first?.type === 'paragraph') {
    const { view } = editor;
    view.dispatch(closeHistory(view.state.tr.insertText(first.text)).scrollIntoView());
    return true;
  }
  return editor
    .chain()
    .focus()
    .command(({ tr }) => Boolean(closeHistory(tr)))
    .insertContent(blocksToDoc(blocks).content ?? [])
    .scrollIntoView()
    .run();
}
