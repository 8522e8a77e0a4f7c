import { useMemo } from 'react';
import { useLocale } from '../lib/i18n.js';
import { pasteIntoTextarea } from '../lib/paste/textarea.js';
import { textToBlocks } from '../lib/text-blocks.js';
import { Blocks } from './blocks.js';
import { describedBy, FieldMessage, type FieldError } from './error-summary.js';

/**
 * The block editor: plain text where each line is a paragraph, "- " starts a bullet and "1. " a
 * numbered item, two spaces per nesting level; the preview shows the lists it makes.
 */
export function BlockEditor(props: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  errors?: FieldError[];
  disabled?: boolean;
}) {
  const { t } = useLocale();
  const errors = props.errors ?? [];
  const blocks = useMemo(() => textToBlocks(props.value), [props.value]);
  const hint = `${props.id}-hint`;
  return (
    <div className={`field block-editor${errors.some((e) => e.field === props.id) ? ' field-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <p className="hint" id={hint}>
        {t('editor.hint')}
      </p>
      <FieldMessage id={props.id} errors={errors} />
      <div className="editor-panes">
        <textarea
          id={props.id}
          dir="auto"
          rows={Math.min(24, Math.max(8, props.value.split('\n').length + 2))}
          value={props.value}
          disabled={props.disabled}
          spellCheck
          aria-describedby={describedBy(props.id, errors, hint)}
          onChange={(event) => props.onChange(event.target.value)}
          onPaste={(event) => pasteIntoTextarea(event, props.onChange)}
        />
        <section className="preview" aria-labelledby={`${props.id}-preview`}>
          <h3 id={`${props.id}-preview`}>{t('editor.preview')}</h3>
          <div className="answer">
            {blocks.length > 0 ? <Blocks blocks={blocks} /> : <p className="muted">{t('editor.empty')}</p>}
          </div>
        </section>
      </div>
    </div>
  );
}
