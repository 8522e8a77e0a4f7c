import { FieldMessage, type FieldError } from '../../components/error-summary.js';
import { localText, useLocale } from '../../lib/i18n.js';
import type { CountryInfo } from '../../lib/types.js';

/**
 * The participating countries: a checkbox per country of the region (names in the reader's
 * language), with « all » and « none ». An error about the countries links to the group
 * (`#cycle-countries`, focusable).
 */
export function CountryChoice(props: {
  choices: CountryInfo[];
  chosen: string[];
  errors: FieldError[];
  onChange: (countries: string[]) => void;
}) {
  const { t, language } = useLocale();
  const invalid = props.errors.some((e) => e.field === 'cycle-countries');
  const sorted = [...props.choices].sort((a, b) =>
    (localText(a.name, language) || a.code).localeCompare(localText(b.name, language) || b.code, language),
  );
  const toggle = (code: string, on: boolean) =>
    props.onChange(sorted.map((c) => c.code).filter((c) => (c === code ? on : props.chosen.includes(c))));
  return (
    <fieldset
      id="cycle-countries"
      tabIndex={-1}
      className={`country-choice${invalid ? ' field-error' : ''}`}
      aria-describedby="cycle-countries-hint"
    >
      <legend>{t('regional.cycle_form.countries')}</legend>
      <p className="hint" id="cycle-countries-hint">
        {t('regional.cycle_form.countries_hint', { count: props.chosen.length })}
      </p>
      <FieldMessage id="cycle-countries" errors={props.errors} />
      <div className="button-group inline">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => props.onChange(sorted.map((c) => c.code))}
        >
          {t('regional.cycle_form.all_countries')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => props.onChange([])}>
          {t('regional.cycle_form.no_country')}
        </button>
      </div>
      <div className="country-grid">
        {sorted.map((country) => (
          <div className="checkbox" key={country.code}>
            <input
              id={`cycle-country-${country.code}`}
              type="checkbox"
              value={country.code}
              checked={props.chosen.includes(country.code)}
              onChange={(e) => toggle(country.code, e.target.checked)}
            />
            <label htmlFor={`cycle-country-${country.code}`}>
              <span dir="auto">{localText(country.name, language) || country.code}</span>{' '}
              <span className="muted" dir="ltr">
                {country.code}
              </span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
