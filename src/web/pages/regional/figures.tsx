import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Form, SelectField, type Choice } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { API } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useGo, withLanguage } from '../../lib/navigation.js';
import { keyOf, useApi } from '../../lib/query.js';
import type {
  CodeFigures,
  CodeList,
  CountryGroups,
  CycleInfo,
  ObjectivesMatrix,
  Questionnaire,
} from '../../lib/types.js';
import { cyclePath } from './regional.js';
import { sideBySidePath } from './side-by-side.js';

/** The kinds of question whose options count directly, each a category (no coding). */
const COUNTED_KINDS: readonly string[] = ['single_choice', 'multiple_choice', 'objectives', 'principles'];

/**
 * The cycle's figures for its secretariat (`/cycles/:cycle/figures`, docs/regional.md « Figures
 * on the pages »): for each code, the chart the server draws (confirmed codings only) and the same
 * counts as a table, each country a link to its coding; then the GCM objectives confirmed on the
 * countries' answers, objective by country. A group of countries narrows everything (a GET form:
 * the address keeps it). The counts are the API's; this page only shows them.
 */
export const figuresPath = (cycle: string, group = '') =>
  `${cyclePath(cycle)}/figures${group ? `?group=${encodeURIComponent(group)}` : ''}`;
const codePath = (cycle: string, question: string) => `${cyclePath(cycle)}/codes/${encodeURIComponent(question)}`;
const withGroup = (path: string, group: string, extra: Record<string, string> = {}) => {
  const query = new URLSearchParams({ ...(group ? { group } : {}), ...extra }).toString();
  return `${path}${query ? `?${query}` : ''}`;
};

export function FiguresPage({ cycle }: { cycle: string }) {
  const { t, language } = useLocale();
  const go = useGo();
  const [query] = useSearchParams();
  const group = query.get('group') ?? '';
  const info = useApi<CycleInfo>(cyclePath(cycle));
  const list = useApi<CodeList>(`${cyclePath(cycle)}/codes`);
  // Choice, objectives and principles questions count without a code (docs/questionnaires.md).
  const version = info.data?.questionnaire;
  const questionnaire = useApi<Questionnaire>(
    version ? `/questionnaires/${encodeURIComponent(version.id)}?version=${version.version}` : null,
  );
  const region = info.data?.region;
  const groups = useApi<CountryGroups>(region ? `/regions/${encodeURIComponent(region)}/groups` : null);
  const matrix = useApi<ObjectivesMatrix>(withGroup(`${cyclePath(cycle)}/objectives-matrix`, group));
  const [chosen, setChosen] = useState(group);
  // The address leads (a link, the back button): the field follows it.
  useEffect(() => setChosen(group), [group]);

  const error = info.error ?? list.error;
  if (error) return <LoadError error={error} />;
  if (!info.data || !list.data) return <Loading />;
  const coded = new Set(list.data.codes.map((c) => c.questionId));
  const groupChoices: Choice[] = (groups.data?.groups ?? []).map((g) => ({
    value: g.id,
    label: localText(g.names, language) || g.id,
  }));
  return (
    <Page
      title={t('figures.title')}
      caption={<Link to={cyclePath(cycle)}>{localText(info.data.title, language) || cycle}</Link>}
    >
      {info.data.synthetic && <SyntheticLabel />}
      <p>{t('figures.intro')}</p>
      <Form className="figures-filter" errors={[]} onSubmit={() => go(figuresPath(cycle, chosen))}>
        <SelectField
          id="figures-group"
          errors={[]}
          label={t('figures.group')}
          value={chosen}
          onChange={setChosen}
          options={groupChoices}
          placeholder={t('figures.all_countries')}
        />
        <button type="submit" className="button">
          {t('figures.apply')}
        </button>
      </Form>
      {list.data.codes.length === 0 ? (
        <p className="muted">
          {t('figures.no_codes')} <Link to={`${cyclePath(cycle)}/codes`}>{t('figures.to_codes')}</Link>
        </p>
      ) : (
        list.data.codes.map((code) => (
          <CodeFiguresSection key={code.questionId} cycle={cycle} question={code.questionId} group={group} />
        ))
      )}
      {(questionnaire.data?.sections ?? [])
        .flatMap((s) => s.questions)
        .filter((q) => COUNTED_KINDS.includes(q.kind ?? 'text') && !coded.has(q.id))
        .map((q) => (
          <CodeFiguresSection key={q.id} cycle={cycle} question={q.id} group={group} />
        ))}
      <section aria-labelledby="figures-matrix" className="figures-section">
        <h2 id="figures-matrix">{t('figures.matrix.title')}</h2>
        {matrix.error ? (
          <p className="error-message">{matrix.error.message}</p>
        ) : !matrix.data ? (
          <Loading />
        ) : (
          <Matrix matrix={matrix.data} />
        )}
      </section>
    </Page>
  );
}

/** One code: its heading, the chart, and the same counts as a table. */
function CodeFiguresSection({ cycle, question, group }: { cycle: string; question: string; group: string }) {
  const { t, language, number } = useLocale();
  const path = `${codePath(cycle, question)}/figures`;
  const figures = useApi<CodeFigures>(withGroup(path, group));
  const id = `figures-${question.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  if (figures.error) return <p className="error-message">{figures.error.message}</p>;
  if (!figures.data) return <Loading />;
  const f = figures.data;
  // A typed question counted from its answers' values: its countries lead to the answers side by side.
  const typed = f.countedFrom === 'values';
  const name = localText(f.code.names, language) || question;
  const countryHref = (value: string, country: string) =>
    typed
      ? `${withLanguage(sideBySidePath(cycle, question), language)}#sbs-${country}`
      : `${withLanguage(withGroup(codePath(cycle, question), '', { value }), language)}#coding-${country}`;
  return (
    <section aria-labelledby={id} className="figures-section">
      <h2 id={id}>{t('figures.code_title', { question, name })}</h2>
      <p className="muted">
        {t(typed ? 'figures.answered' : 'figures.coded', { coded: f.codedCountries, total: number(f.totalCountries) })}
      </p>
      {typed && <p className="muted">{t('figures.from_values')}</p>}
      {f.codedCountries === 0 && typed ? (
        <p className="figures-nothing">{t('figures.nothing_answered')}</p>
      ) : f.codedCountries === 0 ? (
        <p className="figures-nothing">
          {t('figures.nothing_coded')} <Link to={codePath(cycle, question)}>{t('figures.to_coding')}</Link>
        </p>
      ) : (
        <>
          <Chart path={withGroup(`${path}.svg`, group, { lang: language })} label={name} />
          <div className="table-wrap">
            <table className="figures-table">
              <caption className="visually-hidden">{t('figures.table_caption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.value')}</th>
                  <th scope="col">{t('figures.count')}</th>
                  <th scope="col">{t('figures.countries')}</th>
                </tr>
              </thead>
              <tbody>
                {f.values.map((v) => (
                  <tr key={v.key} data-value={v.key}>
                    <th scope="row">{v.label}</th>
                    <td className="numeric" data-count={v.count}>
                      {t('figures.count_of', { count: number(v.count), total: number(f.codedCountries) })}
                    </td>
                    <td>
                      <ul className="figures-countries">
                        {v.countries.map((c) => (
                          <li key={c.code}>
                            <RouterLink to={countryHref(v.key, c.code)}>{c.name || c.code}</RouterLink>
                            {c.synthetic && <span className="visually-hidden"> {t('figures.synthetic')}</span>}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The chart as the server drew it (vega, from the counts only), put into the page as SVG so its
 * bars are links and its text is real text. It still goes through `cleanSvg` first: it is markup
 * from the network put into our page, and a page that inserts markup must not trust it to be
 * harmless — whatever could run (scripts, on* handlers) or lead off the site is dropped.
 */
export function Chart({ path, label }: { path: string; label: string }) {
  const { t, language } = useLocale();
  const box = useRef<HTMLDivElement>(null);
  // Keyed under the code's path (lib/query.ts): a decision on the code fetches the chart again.
  const chart = useQuery({
    queryKey: keyOf(path, language),
    queryFn: async () => {
      const response = await fetch(`${API}${path}`, {
        headers: { accept: 'image/svg+xml', 'accept-language': language },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(`${response.status}`);
      return response.text();
    },
  });
  useLayoutEffect(() => {
    const svg = chart.data ? cleanSvg(chart.data) : null;
    box.current?.replaceChildren(...(svg ? [document.importNode(svg, true)] : []));
  }, [chart.data]);
  if (chart.error) return <p className="muted">{t('figures.chart_failed')}</p>;
  // The SVG is set left to right (pacte.css, figures): vega placed its labels for that. The chart
  // is already mirrored by the server in Arabic (labels on the right, bars growing leftwards). On
  // a phone it scrolls in its own box (table-wrap) rather than shrink past reading.
  return (
    <figure className="table-wrap figures-chart" ref={box} aria-label={t('figures.chart_label', { name: label })} />
  );
}

const UNSAFE = 'script, foreignObject, iframe, object, embed, audio, video, animate, set, handler, listener';

/** The parsed SVG without anything that runs or links elsewhere; null if it is not SVG. */
export function cleanSvg(text: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.namespaceURI !== 'http://www.w3.org/2000/svg' || root.localName !== 'svg') return null;
  if (doc.getElementsByTagName('parsererror').length > 0) return null;
  for (const element of Array.from(root.querySelectorAll(UNSAFE))) element.remove();
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const link = name === 'href' || name.endsWith(':href') || name === 'src';
      if (name.startsWith('on') || (link && !sameSite(attribute.value))) element.removeAttribute(attribute.name);
    }
  }
  return root as unknown as SVGSVGElement;
}

/** A link inside the site (`/app/…`, `/cycles/…`, `#…`), never another origin nor a `javascript:` one. */
const sameSite = (href: string) => /^(#|\/(?!\/))/.test(href.trim());

/** Objectives × countries: a ✓ where the objective is confirmed on one of the country's answers. */
export function Matrix({ matrix, labelledBy = 'figures-matrix' }: { matrix: ObjectivesMatrix; labelledBy?: string }) {
  const { t, number } = useLocale();
  if (matrix.countries.length === 0) return <p className="muted">{t('figures.matrix.none')}</p>;
  const total = (n: number) => matrix.totals.find((x) => x.number === n)?.count ?? 0;
  return (
    <>
      <p>{t('figures.matrix.intro')}</p>
      {/* Scrolls inside its own box on a phone (tabindex: reachable by keyboard); the page never does. */}
      <div className="table-wrap figures-matrix" tabIndex={0} role="region" aria-labelledby={labelledBy}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('figures.matrix.objective')}</th>
              {matrix.countries.map((c) => (
                <th scope="col" key={c.code} title={c.name}>
                  <abbr title={c.name}>{c.code}</abbr>
                </th>
              ))}
              <th scope="col">{t('figures.matrix.total')}</th>
            </tr>
          </thead>
          <tbody>
            {matrix.objectives.map((o) => (
              <tr key={o.number}>
                <th scope="row">{t('figures.matrix.row', { number: o.number, title: o.title })}</th>
                {matrix.countries.map((c) => (
                  <td key={c.code} className="figures-cell">
                    {c.objectives.includes(o.number) && (
                      <>
                        <span aria-hidden="true">✓</span>
                        <span className="visually-hidden">{t('figures.matrix.confirmed')}</span>
                      </>
                    )}
                  </td>
                ))}
                <td className="numeric">{number(total(o.number))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * The code's counts as they are now, shown on the coding page after a decision: the secretariat
 * sees the figures change as it codes. The query lies under the code's path, which each decision
 * invalidates (coding.tsx), so the counts are fetched again after every one.
 */
export function FiguresSummary({ cycle, question }: { cycle: string; question: string }) {
  const { t, language, number } = useLocale();
  const figures = useApi<CodeFigures>(`${codePath(cycle, question)}/figures`);
  if (!figures.data) return null;
  const name = localText(figures.data.code.names, language) || question;
  return (
    <div className="figures-summary">
      <p>{t('figures.after_decision', { name })}</p>
      <ul>
        {figures.data.values.map((v) => (
          <li key={v.key} data-value={v.key}>
            {t('figures.after_decision_value', { label: v.label, count: number(v.count) })}
          </li>
        ))}
      </ul>
      <p>
        <Link to={figuresPath(cycle)}>{t('figures.see_all')}</Link>
      </p>
    </div>
  );
}
