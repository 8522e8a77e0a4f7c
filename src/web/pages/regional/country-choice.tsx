import { CheckboxGroup, type FieldError } from '../../components/form.js';
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
  const sorted = [...props.choices].sort((a, b) =>
    (localText(a.name, language) || a.code).localeCompare(localText(b.name, language) || b.code, language),
  );
  return (
    <CheckboxGroup
      id="cycle-countries"
      groupErrors
      className="country-choice"
      listClassName="country-grid"
      label={t('regional.cycle_form.countries')}
      hint={t('regional.cycle_form.countries_hint', { count: props.chosen.length })}
      errors={props.errors}
      values={props.chosen}
      onChange={props.onChange}
      options={sorted.map((country) => ({
        value: country.code,
        id: `cycle-country-${country.code}`,
        label: (
          <>
            <span dir="auto">{localText(country.name, language) || country.code}</span>{' '}
            <span className="muted" dir="ltr">
              {country.code}
            </span>
          </>
        ),
      }))}
      actions={
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
      }
    />
  );
}
