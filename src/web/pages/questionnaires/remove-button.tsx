import { useState } from 'react';
import { useLocale } from '../../lib/i18n.js';

/**
 * « Supprimer … », then a confirmation that says what goes with it (a question's wording in
 * every language, its options; a section's questions) before anything is sent.
 */
export function RemoveButton(props: {
  id: string;
  label: string;
  confirm: string;
  pending: boolean;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useLocale();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" id={props.id} className="link-button" onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  return (
    <div className="confirm" role="group" aria-labelledby={`${props.id}-confirm`}>
      <p id={`${props.id}-confirm`}>{props.confirm}</p>
      <div className="button-row">
        <button
          type="button"
          id={props.id}
          className="button button-warning"
          disabled={props.pending}
          onClick={() => void props.onConfirm().then(() => setAsking(false))}
        >
          {props.label}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
