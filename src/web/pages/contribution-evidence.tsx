import { useRef, useState, type MutableRefObject } from 'react';
import { errorsOf, Field, Form, type FieldError } from '../components/form.js';
import { messageOf } from '../components/moves.js';
import { api, del } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import type { Contribution } from '../lib/types.js';
import { useApiMutation } from '../lib/query.js';

/** The server's default limit for one evidence file (PACTE_EVIDENCE_MAX_BYTES); it checks it again. */
const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * What the file picker offers; the server reads the type from the content whatever the name
 * (src/documents/evidence-type.ts), this only spares people a wrong pick.
 */
const ACCEPT = [
  '.pdf',
  '.docx',
  '.odt',
  '.ods',
  '.xlsx',
  '.csv',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
].join(',');

type EvidenceFile = NonNullable<Contribution['evidence']>[number];

/**
 * What the contribution's submit asks of the evidence form: a file chosen but not sent is sent
 * first (issue 12, item 5: it was silently dropped). Resolves to the name of the file sent, ''
 * when none was waiting, or null when the upload failed (its error is then shown on the field).
 */
export interface PendingEvidence {
  send: () => Promise<string | null>;
}

/**
 * The evidence files of a contribution: download each; while the contribution is a draft, add
 * one, replace one (the new stored and the old removed together, PUT …/evidence/{id}) or remove
 * one after a confirmation. Each outcome is said in words next to the list.
 */
export function ContributionEvidence(props: {
  path: string;
  evidence: EvidenceFile[];
  queries: string[];
  canChange: boolean;
  pending: MutableRefObject<PendingEvidence | null>;
  /** Makes sure the contribution exists (its text saved) before a file is attached to it. */
  prepare: () => Promise<boolean>;
}) {
  const { t, bytes } = useLocale();
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file field after an upload.
  const [inputKey, setInputKey] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = `evidence-${props.path.replace(/\W+/g, '-')}`;
  const uploading = useApiMutation((form: FormData) => api('POST', `${props.path}/evidence`, form), props.queries);

  const send = async (chosen: File): Promise<boolean> => {
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    try {
      if (!(await props.prepare())) return false;
      await uploading.mutateAsync(form);
      setErrors([]);
      setFile(null);
      setInputKey((k) => k + 1);
      setDone(t('evidence.added', { file: chosen.name }));
      return true;
    } catch (failure) {
      setErrors(errorsOf(failure, id));
      input.current?.focus();
      return false;
    }
  };
  props.pending.current = {
    send: async () => (file ? ((await send(file)) ? file.name : null) : ''),
  };

  const upload = async () => {
    setDone('');
    if (!file) {
      setErrors([{ field: id, message: t('evidence.required') }]);
      return;
    }
    await send(file);
  };

  return (
    <div className="evidence">
      <h3>{t('evidence.title')}</h3>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {props.evidence.length > 0 && (
        <ul className="evidence-list">
          {props.evidence.map((e) => (
            <EvidenceItem
              key={e.id}
              path={props.path}
              file={e}
              queries={props.queries}
              canChange={props.canChange}
              onDone={setDone}
              size={bytes(e.size)}
            />
          ))}
        </ul>
      )}
      {props.canChange && (
        <Form errors={errors} onSubmit={upload}>
          <Field
            id={id}
            label={t('evidence.file')}
            hint={t('evidence.hint', { limitBytes: EVIDENCE_MAX_BYTES })}
            errors={errors}
          >
            {(describedBy) => (
              <input
                key={inputKey}
                ref={input}
                id={id}
                type="file"
                accept={ACCEPT}
                aria-describedby={describedBy}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setDone('');
                }}
              />
            )}
          </Field>
          <button type="submit" className="button button-secondary" disabled={uploading.isPending}>
            {t('evidence.upload')}
          </button>
        </Form>
      )}
    </div>
  );
}

/** One file: its link, and while the contribution is a draft « Remplacer » and « Retirer ». */
function EvidenceItem(props: {
  path: string;
  file: EvidenceFile;
  queries: string[];
  canChange: boolean;
  size: string;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const { file } = props;
  const [mode, setMode] = useState<'idle' | 'confirm' | 'replace'>('idle');
  const [failure, setFailure] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [replacement, setReplacement] = useState<File | null>(null);
  const itemPath = `${props.path}/evidence/${file.id}`;
  const fieldId = `evidence-replace-${file.id}`;
  const removing = useApiMutation(() => del(itemPath), props.queries);
  const replacing = useApiMutation((form: FormData) => api('PUT', itemPath, form), props.queries);

  const remove = async () => {
    try {
      await removing.mutateAsync();
      props.onDone(t('evidence.removed', { file: file.fileName }));
    } catch (error) {
      setFailure(messageOf(error));
      setMode('idle');
    }
  };
  const replace = async () => {
    if (!replacement) {
      setErrors([{ field: fieldId, message: t('evidence.required') }]);
      return;
    }
    const form = new FormData();
    form.append('file', replacement, replacement.name);
    try {
      await replacing.mutateAsync(form);
      props.onDone(t('evidence.replaced', { old: file.fileName, file: replacement.name }));
    } catch (error) {
      setErrors(errorsOf(error, fieldId));
    }
  };

  return (
    <li>
      <a href={file.url} download={file.fileName} dir="auto">
        {file.fileName}
      </a>{' '}
      <span className="muted">({props.size})</span>
      {failure && (
        <p className="notice" role="alert">
          {failure}
        </p>
      )}
      {props.canChange && mode === 'idle' && (
        <div className="button-row evidence-actions">
          <button type="button" className="button button-secondary" onClick={() => setMode('replace')}>
            {t('evidence.replace')}
            <span className="visually-hidden"> {file.fileName}</span>
          </button>
          <button type="button" className="button button-warning" onClick={() => setMode('confirm')}>
            {t('evidence.remove')}
            <span className="visually-hidden"> {file.fileName}</span>
          </button>
        </div>
      )}
      {mode === 'confirm' && (
        <div className="confirm" role="group" aria-labelledby={`${fieldId}-confirm`}>
          <p id={`${fieldId}-confirm`}>{t('evidence.remove_confirm', { file: file.fileName })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-warning"
              disabled={removing.isPending}
              onClick={() => void remove()}
            >
              {t('evidence.remove_yes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {mode === 'replace' && (
        <Form errors={errors} onSubmit={replace} className="evidence-replace">
          <Field id={fieldId} label={t('evidence.replace_label', { file: file.fileName })} errors={errors}>
            {(describedBy) => (
              <input
                id={fieldId}
                type="file"
                accept={ACCEPT}
                aria-describedby={describedBy}
                onChange={(e) => setReplacement(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <div className="button-row">
            <button type="submit" className="button button-secondary" disabled={replacing.isPending}>
              {t('evidence.replace_send')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </Form>
      )}
    </li>
  );
}
