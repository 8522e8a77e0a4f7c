import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { Block } from '../../../domain/blocks.js';
import { CheckboxGroup, Form, RadioGroup, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { focusOnMount, messageOf } from '../../components/moves.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { post, put } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import { useSession } from '../../lib/session.js';
import type { CodeDetail, CodeList, CodedCountry } from '../../lib/types.js';
import { codePath, codesPath, writesCodes } from './code-draft.js';
import { FiguresSummary, figuresPath } from './figures.js';

/**
 * Coding answers into regional values (docs/regional.md, « Coding answers »): for one question's
 * code, each country's answer as submitted with the passages that suggest a value marked in it,
 * and the secretariat's decision: accept the suggestion, correct it (radio buttons for a
 * single-choice code, checkboxes for a multiple one) or reject it. Pacte only suggests.
 */
const cyclePath = (cycle: string) => `/cycles/${encodeURIComponent(cycle)}`;

/**
 * The cycle's codes, each with a link to its coding page; for the region's secretariat, « Créer
 * un code », « Modifier le code » and, while the cycle has none, Pacte's default codes to install
 * (said one by one before). A translator reads the list only.
 */
export function CodesPage({ cycle }: { cycle: string }) {
  const { t, language } = useLocale();
  const { session } = useSession();
  const list = useApi<CodeList>(codesPath(cycle));
  const installing = useApiMutation(
    () => post<{ created: string[] }>(`${codesPath(cycle)}/defaults`),
    [codesPath(cycle)],
  );
  if (list.error) return <LoadError error={list.error} />;
  if (!list.data) return <Loading />;
  const writes = writesCodes(session, list.data.region);
  const { codes, defaults } = list.data;
  return (
    <Page title={t('coding.list.title')} caption={<Link to={cyclePath(cycle)}>{t('coding.back_to_cycle')}</Link>}>
      <p>{t('coding.list.intro')}</p>
      {installing.data && (
        <p className="notice" role="status" tabIndex={-1} ref={focusOnMount}>
          {installing.data.created.length === 0
            ? t('coding.list.installed_none')
            : t('coding.list.installed', { count: installing.data.created.length })}
        </p>
      )}
      {installing.error && <p className="error-message">{messageOf(installing.error)}</p>}
      {codes.length === 0 && <p className="muted">{t('coding.list.none')}</p>}
      {writes && codes.length === 0 && defaults.length > 0 && (
        <section className="coding-defaults" aria-labelledby="coding-defaults-title">
          <h2 id="coding-defaults-title">{t('coding.list.defaults_title')}</h2>
          <p>{t('coding.list.defaults_intro')}</p>
          <ul>
            {defaults.map((d) => (
              <li key={d.questionId}>
                {t('coding.list.default_item', {
                  question: d.questionId,
                  name: localText(d.names, language),
                  kind: d.kind === 'single' ? t('coding.kind.single') : t('coding.kind.multiple'),
                  count: d.values,
                })}
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              className="button"
              onClick={() => installing.mutate()}
              disabled={installing.isPending}
            >
              {t('coding.list.install_defaults')}
            </button>
          </p>
        </section>
      )}
      {codes.length > 0 && (
        <ul className="coding-list">
          {codes.map((code) => (
            <li key={code.questionId}>
              <Link to={codePath(cycle, code.questionId)}>
                {t('coding.list.item', { question: code.questionId, name: localText(code.names, language) })}
              </Link>{' '}
              <span className="muted">
                {code.kind === 'single' ? t('coding.kind.single') : t('coding.kind.multiple')}
              </span>
              {writes && (
                <>
                  {' '}
                  <Link to={`${codePath(cycle, code.questionId)}/edit`} className="coding-edit">
                    {t('coding.list.edit', { question: code.questionId })}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {writes && (
        <p>
          <Link to={`${codesPath(cycle)}/new`} className="button button-secondary">
            {t('coding.list.create')}
          </Link>
        </p>
      )}
      {list.data.codes.length > 0 && (
        <p>
          <Link to={figuresPath(cycle)}>{t('figures.see_all')}</Link>
        </p>
      )}
    </Page>
  );
}

export function CodingPage({ cycle, question }: { cycle: string; question: string }) {
  const { t, language, number } = useLocale();
  const path = codePath(cycle, question);
  const detail = useApi<CodeDetail>(path);
  const [done, setDone] = useState('');
  const { session } = useSession();
  // Back from the code form: said once, with the way to suggest again (saving does not).
  const saved = (useLocation().state as { codeSaved?: 'created' | 'edited' } | null)?.codeSaved;
  const suggesting = useApiMutation(() => post<{ suggested: string[]; kept: string[] }>(`${path}/suggestions`), [path]);
  // Focused once the page is there, after its heading took the focus (Page's effect runs first).
  const savedNotice = useRef<HTMLDivElement>(null);
  const loaded = Boolean(detail.data);
  useEffect(() => {
    if (saved && loaded) savedNotice.current?.focus();
  }, [saved, loaded]);
  if (detail.error) return <LoadError error={detail.error} />;
  if (!detail.data) return <Loading />;
  const { code, countries } = detail.data;
  const writes = writesCodes(session, detail.data.region);
  const suggest = async () => {
    const run = await suggesting.mutateAsync();
    setDone(t('coding.suggested', { suggested: number(run.suggested.length), kept: number(run.kept.length) }));
  };
  return (
    <Page
      title={t('coding.title', { question: code.questionId, name: localText(code.names, language) })}
      before={countries.some((c) => c.synthetic) && <SyntheticLabel />}
      caption={<Link to={codesPath(cycle)}>{t('coding.back_to_codes')}</Link>}
    >
      {done && (
        <div className="notice" role="status">
          <p>{done}</p>
          {/* The code's counts after the decision: the figures change as the secretariat codes. */}
          <FiguresSummary cycle={cycle} question={question} />
        </div>
      )}
      {saved && !done && (
        <div className="notice" role="status" tabIndex={-1} ref={savedNotice}>
          <p>{saved === 'created' ? t('coding.saved.created') : t('coding.saved.edited')}</p>
          <p>{t('coding.saved.not_suggested')}</p>
          <p>
            <button type="button" className="button" onClick={() => void suggest()} disabled={suggesting.isPending}>
              {t('coding.saved.suggest_again')}
            </button>
          </p>
        </div>
      )}
      <p>{code.kind === 'single' ? t('coding.intro_single') : t('coding.intro_multiple')}</p>
      {writes && (
        <div className="button-group">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void suggest()}
            disabled={suggesting.isPending}
          >
            {t('coding.suggest')}
          </button>
          <Link to={`${path}/edit`} className="button button-secondary">
            {t('coding.edit_code')}
          </Link>
        </div>
      )}
      {suggesting.error && <p className="error-message">{messageOf(suggesting.error)}</p>}
      {countries.length === 0 && <p className="muted">{t('coding.no_answers')}</p>}
      {countries.map((entry) => (
        // Keyed by the coding too: the choices start again from what the server holds after each change.
        <CountryCoding
          key={`${entry.country} ${entry.coding?.state ?? ''} ${entry.coding?.values.join(' ') ?? ''}`}
          cycle={cycle}
          detail={detail.data!}
          entry={entry}
          writes={writes}
          onDone={setDone}
        />
      ))}
    </Page>
  );
}

function CountryCoding(props: {
  cycle: string;
  detail: CodeDetail;
  entry: CodedCountry;
  /** The region's secretariat decides; a translator reads the codings only. */
  writes: boolean;
  onDone: (message: string) => void;
}) {
  const { t, language, dateTime } = useLocale();
  const { code } = props.detail;
  const { entry } = props;
  const coding = entry.coding;
  const name = localText(entry.countryName, language) || entry.country;
  const id = `coding-${entry.country}`;
  const [values, setValues] = useState<string[]>(coding?.values ?? []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const path = `${codePath(props.cycle, code.questionId)}/countries/${encodeURIComponent(entry.country)}`;
  const deciding = useApiMutation(
    (body: { state: 'confirmed'; values: string[] } | { state: 'rejected' }) => put(path, body),
    [codePath(props.cycle, code.questionId)],
  );
  const label = (key: string) => localText(code.values.find((v) => v.key === key)?.labels ?? {}, language) || key;
  const decide = async (body: { state: 'confirmed'; values: string[] } | { state: 'rejected' }, message: string) => {
    setErrors([]);
    try {
      await deciding.mutateAsync(body);
      props.onDone(message);
    } catch (error) {
      setErrors([{ field: `${id}-values`, message: messageOf(error) }]);
    }
  };
  const options = code.values.map((v) => ({ value: v.key, label: localText(v.labels, language) || v.key }));
  const marks = (coding?.evidence ?? []).flatMap((e) => e.passages.map((p) => ({ ...p, value: e.value })));
  return (
    <section className="coding-country" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>
        {name} {entry.synthetic && <SyntheticLabel inline />}
      </h2>
      <p className="coding-state">
        {!coding
          ? t('coding.state.none')
          : coding.state === 'suggested'
            ? coding.values.length === 0
              ? t('coding.state.nothing_found')
              : t('coding.state.suggested', { values: coding.values.map(label).join(', ') })
            : t(coding.state === 'confirmed' ? 'coding.state.confirmed' : 'coding.state.rejected', {
                values: coding.values.map(label).join(', '),
                by: coding.decidedByName ?? coding.decidedBy ?? '',
                at: coding.decidedAt ? dateTime(coding.decidedAt) : '',
              })}
      </p>
      {entry.answer ? (
        <div
          className="coding-answer"
          lang={entry.answer.language}
          dir={entry.answer.language === 'ar' ? 'rtl' : 'ltr'}
        >
          <MarkedBlocks blocks={entry.answer.blocks} marks={marks} label={label} />
        </div>
      ) : (
        <p className="muted">{t('coding.returned')}</p>
      )}
      {coding && props.writes && (
        <Form
          errors={errors}
          onSubmit={() => decide({ state: 'confirmed', values }, t('coding.done.confirmed', { country: name }))}
          className="coding-form"
        >
          {code.kind === 'single' ? (
            <RadioGroup
              id={`${id}-values`}
              label={t('coding.values_label', { country: name })}
              value={values[0] ?? ''}
              onChange={(v) => setValues([v])}
              options={options}
              errors={errors}
            />
          ) : (
            <CheckboxGroup
              id={`${id}-values`}
              label={t('coding.values_label', { country: name })}
              values={values}
              onChange={setValues}
              options={options}
              errors={errors}
            />
          )}
          <div className="button-group">
            {coding.state === 'suggested' && coding.values.length > 0 && (
              <button
                type="button"
                className="button"
                disabled={deciding.isPending}
                onClick={() =>
                  void decide(
                    { state: 'confirmed', values: coding.values },
                    t('coding.done.accepted', { country: name }),
                  )
                }
              >
                {t('coding.accept', { country: name })}
              </button>
            )}
            <button type="submit" className="button button-secondary" disabled={deciding.isPending}>
              {t('coding.confirm', { country: name })}
            </button>
            <button
              type="button"
              className="button button-warning"
              disabled={deciding.isPending}
              onClick={() => void decide({ state: 'rejected' }, t('coding.done.rejected', { country: name }))}
            >
              {t('coding.reject', { country: name })}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

type Mark = { position: { block: number[]; start: number; end: number }; value: string };

/** The answer's text with the evidence passages marked (`<mark>`, named by their value for screen readers). */
function MarkedBlocks(props: { blocks: Block[]; marks: Mark[]; label: (key: string) => string; path?: number[] }) {
  const at = props.path ?? [];
  const text = (value: string, path: number[]) => marked(value, path, props.marks, props.label);
  return (
    <>
      {props.blocks.map((block, i) => {
        if (block.type === 'paragraph') return <p key={i}>{text(block.text, [...at, i])}</p>;
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                {text(item.text, [...at, i, j])}
                {item.blocks.length > 0 && (
                  <MarkedBlocks blocks={item.blocks} marks={props.marks} label={props.label} path={[...at, i, j]} />
                )}
              </li>
            ))}
          </List>
        );
      })}
    </>
  );
}

function marked(text: string, path: number[], marks: Mark[], label: (key: string) => string): ReactNode[] {
  const here = marks
    .filter((m) => m.position.block.join('.') === path.join('.') && m.position.end <= text.length)
    .sort((a, b) => a.position.start - b.position.start);
  const out: ReactNode[] = [];
  let from = 0;
  for (const m of here) {
    if (m.position.start < from) continue; // two values' passages on the same words: the first is shown
    out.push(text.slice(from, m.position.start));
    out.push(
      <mark key={`${m.position.start}`} title={label(m.value)}>
        {text.slice(m.position.start, m.position.end)}
      </mark>,
    );
    from = m.position.end;
  }
  out.push(text.slice(from));
  return out;
}
