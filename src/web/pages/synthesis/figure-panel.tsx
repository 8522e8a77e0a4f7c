import { useState } from 'react';
import { Form, SelectField, type FieldError } from '../../components/form.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import type { CodeList, CountryGroups, CycleInfo } from '../../lib/types.js';
import { cyclePath } from '../regional/regional.js';

/**
 * « Insérer un graphique »: one of the cycle's codes, and optionally a group of countries; the
 * figure goes in at the cursor and stays live (drawn from the figures API) until publication.
 */
export function FigurePanel(props: {
  cycle: string;
  onInsert: (code: string, group: string | null) => void;
  onClose: () => void;
}) {
  const { t, language } = useLocale();
  const info = useApi<CycleInfo>(cyclePath(props.cycle));
  const codes = useApi<CodeList>(`${cyclePath(props.cycle)}/codes`);
  const region = info.data?.region;
  const groups = useApi<CountryGroups>(region ? `/regions/${encodeURIComponent(region)}/groups` : null);
  const [code, setCode] = useState('');
  const [group, setGroup] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = () => {
    if (!code) {
      setErrors([{ field: 'figure-code', message: t('synthesis.figure.code_required') }]);
      return;
    }
    props.onInsert(code, group || null);
  };
  return (
    <section className="synthesis-panel" aria-labelledby="figure-panel-heading">
      <h2 id="figure-panel-heading" tabIndex={-1}>
        {t('synthesis.figure.heading')}
      </h2>
      {codes.error && <p className="error-message">{codes.error.message}</p>}
      {codes.data && codes.data.codes.length === 0 && <p className="muted">{t('figures.no_codes')}</p>}
      <Form errors={errors} onSubmit={submit}>
        <SelectField
          id="figure-code"
          label={t('synthesis.figure.code')}
          errors={errors}
          value={code}
          onChange={setCode}
          placeholder={t('synthesis.figure.choose')}
          options={(codes.data?.codes ?? []).map((c) => ({
            value: c.questionId,
            label: `${c.questionId} — ${localText(c.names, language) || c.questionId}`,
          }))}
        />
        <SelectField
          id="figure-group"
          label={t('figures.group')}
          errors={errors}
          value={group}
          onChange={setGroup}
          placeholder={t('figures.all_countries')}
          options={(groups.data?.groups ?? []).map((g) => ({
            value: g.id,
            label: localText(g.names, language) || g.id,
          }))}
        />
        <div className="button-group">
          <button type="submit" className="button">
            {t('synthesis.figure.insert')}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            {t('synthesis.close')}
          </button>
        </div>
      </Form>
    </section>
  );
}
