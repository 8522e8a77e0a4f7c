import { useRef, useState } from 'react';
import { errorsOf, Field, Form, SelectField, type Choice, type FieldError } from '../components/form.js';
import { Link } from '../components/link.js';
import { Loading, NoAccess, Page } from '../components/page.js';
import { SyntheticLabel } from '../components/synthetic.js';
import { api, ApiError } from '../lib/api.js';
import { isolate } from '../lib/bidi.js';
import { localText, useLocale } from '../lib/i18n.js';
import { reviewQueries, useApi, useApiMutation } from '../lib/query.js';
import { focalCountries, useSession } from '../lib/session.js';
import type { Countries, Cycles, ImportedReview } from '../lib/types.js';

const FIELD = { file: 'import-file', country: 'import-country', cycle: 'import-cycle' };
/** What the file picker offers; the server reads the format from the content whatever the name. */
const ACCEPT =
  '.docx,.odt,.pdf,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';
/** A refusal's field, for the error summary's link: the country and cycle have theirs, the rest is the file's. */
const FIELD_OF = {
  'import.country_unknown': FIELD.country,
  'country.': FIELD.country,
  'cycle.': FIELD.cycle,
  'auth.forbidden': FIELD.country,
};

const formOf = (file: File, fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value);
  form.append('file', file, file.name);
  return form;
};

/**
 * Import a review file (issue 16): check it (the API reads it and says what it understood,
 * nothing stored), then store it. The country and cycle are recognised from the file unless given;
 * when the file does not name its country (`import.country_unknown`), the page asks for both and
 * sends the same file again: the person never chooses it twice. A focal point imports for their
 * country, an administrator for any.
 */
export function ImportPage() {
  const { t, language } = useLocale();
  const { session } = useSession();
  const countries = useApi<Countries>('/countries');
  const cycles = useApi<Cycles>('/cycles');
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [country, setCountry] = useState('');
  const [cycle, setCycle] = useState('');
  const [asking, setAsking] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<ImportedReview | null>(null);
  const [stored, setStored] = useState<ImportedReview | null>(null);
  const storing = useApiMutation(
    (form: FormData) => api<ImportedReview>('POST', '/imports', form),
    (review) => [...reviewQueries(review.country, review.cycle), '/tasks'],
  );

  const mine = focalCountries(session); // null: an administrator, who imports for any country
  if (mine !== null && mine.length === 0) return <NoAccess />;
  if (!countries.data || !cycles.data) return <Loading />;

  const countryName = (code: string) =>
    localText(countries.data?.countries.find((c) => c.code === code)?.name, language) || code;
  const countryChoices: Choice[] = countries.data.countries
    .filter((c) => mine === null || mine.includes(c.code))
    .map((c) => ({ value: c.code, label: localText(c.name, language) || c.code }))
    .sort((a, b) => String(a.label).localeCompare(String(b.label), language));
  // The open cycles; where none is open, the closed ones (an earlier round still brought in).
  const open = cycles.data.cycles.filter((c) => c.state === 'open');
  const offered = open.length > 0 ? open : cycles.data.cycles.filter((c) => c.state === 'closed');
  const cycleOf = (id: string) => cycles.data?.cycles.find((c) => c.id === id);
  const cycleChoices: Choice[] = offered.map((c) => {
    const title = localText(c.title, language);
    // The id tells apart cycles of like titles, unless the title already says it.
    const named = title.includes(c.id) ? title : `${title} (${isolate(c.id)})`;
    return { value: c.id, label: `${named}${c.synthetic ? ` — ${t('synthetic.label')}` : ''}` };
  });

  const restart = () => {
    setChecked(null);
    setStored(null);
    setErrors([]);
  };

  const check = async () => {
    const found: FieldError[] = [];
    if (!file) found.push({ field: FIELD.file, message: t('import.file_required') });
    if (asking && !country) found.push({ field: FIELD.country, message: t('import.country_required') });
    if (asking && !cycle) found.push({ field: FIELD.cycle, message: t('import.cycle_required') });
    setErrors(found);
    setChecked(null);
    if (found.length || !file) return;
    setChecking(true);
    try {
      setChecked(await api<ImportedReview>('POST', '/imports', formOf(file, { country, cycle })));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'import.country_unknown') {
        setAsking(true);
        // The one choice there is needs no choosing: a focal point's country, the one open cycle.
        if (!country && countryChoices.length === 1) setCountry(countryChoices[0]!.value);
        if (!cycle && cycleChoices.length === 1) setCycle(cycleChoices[0]!.value);
      }
      setErrors(errorsOf(error, FIELD.file, FIELD_OF));
    } finally {
      setChecking(false);
    }
  };

  const store = async () => {
    if (!file || !checked) return;
    setErrors([]);
    try {
      // Exactly what was checked: the country and cycle the check resolved.
      const fields = { country: checked.country, cycle: checked.cycle, store: 'true' };
      setStored(await storing.mutateAsync(formOf(file, fields)));
      setChecked(null);
    } catch (error) {
      setErrors(errorsOf(error, FIELD.file, FIELD_OF));
    }
  };

  const reviewName = (review: ImportedReview) => ({
    country: countryName(review.country),
    cycle: localText(cycleOf(review.cycle)?.title, language) || review.cycle,
  });

  return (
    <Page title={t('import.title')}>
      {stored ? (
        <div className="notice" role="status">
          <p>{t('import.stored', { ...reviewName(stored), changed: stored.outcome.changed.length })}</p>
          {stored.outcome.conflicts.length > 0 && (
            <p>{t('import.conflicts', { count: stored.outcome.conflicts.length })}</p>
          )}
          <p>
            <Link to={`/reviews/${stored.country}/${stored.cycle}`}>{t('import.open_review')}</Link>
          </p>
        </div>
      ) : (
        <p>{t('import.intro')}</p>
      )}
      <Form errors={checked ? [] : errors} onSubmit={check} className="import-form">
        <Field id={FIELD.file} label={t('import.file')} hint={t('import.file_hint')} errors={errors}>
          {(describedBy) => (
            <input
              ref={input}
              id={FIELD.file}
              type="file"
              accept={ACCEPT}
              aria-describedby={describedBy}
              aria-invalid={errors.some((e) => e.field === FIELD.file) || undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setAsking(false);
                restart();
              }}
            />
          )}
        </Field>
        <SelectField
          id={FIELD.country}
          label={asking ? t('import.country') : t('import.country_optional')}
          hint={asking ? t('import.country_hint_asked') : t('import.country_hint')}
          errors={errors}
          value={country}
          onChange={(value) => {
            setCountry(value);
            restart();
          }}
          placeholder={asking ? t('import.choose_country') : t('import.recognise')}
          options={countryChoices}
        />
        <SelectField
          id={FIELD.cycle}
          label={asking ? t('import.cycle') : t('import.cycle_optional')}
          hint={asking ? t('import.cycle_hint_asked') : t('import.cycle_hint')}
          errors={errors}
          value={cycle}
          onChange={(value) => {
            setCycle(value);
            restart();
          }}
          placeholder={asking ? t('import.choose_cycle') : t('import.own_cycle')}
          options={cycleChoices}
        />
        <button type="submit" className="button" disabled={checking}>
          {t('import.check')}
        </button>
        {checking && (
          <p role="status" className="muted">
            {t('import.checking')}
          </p>
        )}
      </Form>
      {checked && (
        <Checked
          review={checked}
          names={reviewName(checked)}
          synthetic={cycleOf(checked.cycle)?.synthetic ?? false}
          errors={errors}
          storing={storing.isPending}
          onStore={store}
        />
      )}
    </Page>
  );
}

/** What the check understood, and the button that stores it. */
function Checked(props: {
  review: ImportedReview;
  names: { country: string; cycle: string };
  synthetic: boolean;
  errors: FieldError[];
  storing: boolean;
  onStore: () => Promise<void>;
}) {
  const { t } = useLocale();
  const { review, names } = props;
  const { report } = review;
  return (
    <section aria-labelledby="import-understood" className="import-understood">
      <h2 id="import-understood">{t('import.understood')}</h2>
      <p>{t('import.nothing_stored')}</p>
      <dl className="import-summary">
        <div>
          <dt>{t('import.country')}</dt>
          <dd>
            {names.country} {props.synthetic && <SyntheticLabel inline />}
          </dd>
        </div>
        <div>
          <dt>{t('import.cycle')}</dt>
          <dd>{names.cycle}</dd>
        </div>
        <div>
          <dt>{t('import.language')}</dt>
          <dd lang={review.language}>{t(`language.${review.language}`)}</dd>
        </div>
        <div>
          <dt>{t('import.recognised')}</dt>
          <dd>
            {t('import.recognised_counts', {
              questions: report.recognised.questions,
              items: report.recognised.items,
              facts: report.recognised.facts,
            })}
          </dd>
        </div>
      </dl>
      {report.warnings.length > 0 && (
        <>
          <h3>{t('import.to_check')}</h3>
          <ul>
            {report.warnings.map((w) => (
              <li key={`${w.code}-${w.questionId ?? ''}`}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
      <Form errors={props.errors} onSubmit={props.onStore}>
        <p>{t('import.store_hint', names)}</p>
        <div className="button-row">
          <button type="submit" className="button" disabled={props.storing}>
            {t('import.store')}
          </button>
        </div>
      </Form>
    </section>
  );
}
