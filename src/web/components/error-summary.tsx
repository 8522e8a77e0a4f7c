import { useEffect, useRef } from 'react';
import type { FieldError } from '../lib/form-errors.js';
import { useLocale } from '../lib/i18n.js';

export type { FieldError };

/**
 * The GOV.UK error summary: on top of the form, focused when it appears, each message a link
 * to its field. Errors that belong to no field link to the form's first field.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('errors.title')}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.field}:${error.message}`}>
            <a
              href={`#${error.field}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.field)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message under a field, referenced by the field's aria-describedby. */
export function FieldMessage({ id, errors }: { id: string; errors: FieldError[] }) {
  const { t } = useLocale();
  const error = errors.find((e) => e.field === id);
  if (!error) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">{t('errors.prefix')} </span>
      {error.message}
    </p>
  );
}

export const describedBy = (id: string, errors: FieldError[], hint?: string) =>
  [hint, errors.some((e) => e.field === id) ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
