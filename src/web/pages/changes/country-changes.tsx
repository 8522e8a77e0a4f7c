import { useSearchParams } from 'react-router';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import type { CountryChange, Cycles } from '../../lib/types.js';

type Question = CountryChange['questions'][number];
type BlockChange = Question['blocks'][number];
type Side = CountryChange['from'];

// Each kind of change with its words (literal keys: the i18n usage test reads them).
const QUESTION_LABELS = {
  changed: 'changes.question.changed',
  unchanged: 'changes.question.unchanged',
  only_earlier: 'changes.question.only_earlier',
  only_later: 'changes.question.only_later',
} as const;
const BLOCK_LABELS = {
  added: 'changes.block.added',
  removed: 'changes.block.removed',
  changed: 'changes.block.changed',
  unchanged: 'changes.block.unchanged',
} as const;
const FIGURE_LABELS = {
  changed: 'changes.figure.changed',
  new: 'changes.figure.new',
  dropped: 'changes.figure.dropped',
} as const;

/** The app path of a country's change between two cycles. */
export const countryChangesPath = (country: string, from: string, to: string) =>
  `/reviews/${encodeURIComponent(country)}/changes?${new URLSearchParams({ from, to }).toString()}`;

/**
 * The cycle of the same region that opened last before `cycle` (what « the change since the last
 * cycle » compares with), or undefined when there is none the reader may see.
 */
export function earlierCycle(cycles: Cycles['cycles'], cycle: string): Cycles['cycles'][number] | undefined {
  const current = cycles.find((c) => c.id === cycle);
  if (!current?.opensOn) return undefined;
  return cycles
    .filter((c) => c.region === current.region && c.id !== cycle && c.opensOn !== null && c.opensOn < current.opensOn!)
    .sort((a, b) => (a.opensOn! < b.opensOn! ? 1 : -1))[0];
}

/**
 * `/reviews/:country/changes?from=&to=`: what changed in a country's review from one cycle to
 * another (docs/regional.md « Change between cycles »), question by question: the blocks added,
 * removed and changed (a changed block's words marked, in words as well as colour), then the
 * figures that changed and the GCM objectives added or dropped. What is compared (submissions,
 * published versions, working copies) is the API's choice for the reader; the page says which.
 */
export function CountryChangesPage({ country }: { country: string }) {
  const { t, language } = useLocale();
  const [query] = useSearchParams();
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const path = `/reviews/${encodeURIComponent(country)}/changes?${new URLSearchParams({ from, to }).toString()}`;
  const change = useApi<CountryChange>(from && to ? path : null);
  if (!from || !to) {
    return (
      <Page title={t('changes.country.title', { country })}>
        <p className="notice">{t('changes.country.missing_cycles')}</p>
      </Page>
    );
  }
  if (change.error) return <LoadError error={change.error} />;
  if (!change.data) return <Loading />;
  const c = change.data;
  const name = localText(c.countryName, language) || c.country;
  const shown = c.questions.filter((q) => q.change !== 'unchanged');
  const unchanged = c.questions.filter((q) => q.change === 'unchanged');
  return (
    <Page
      title={t('changes.country.title', { country: name })}
      caption={<Link to={`/reviews/${encodeURIComponent(c.country)}/${encodeURIComponent(to)}`}>{name}</Link>}
    >
      {c.synthetic && <SyntheticLabel />}
      <p>{t('changes.country.compared', { from: sideText(t, c.from), to: sideText(t, c.to) })}</p>
      <ul className="changes-summary">
        <li>{t('changes.count.questions', { count: c.counts.questionsChanged })}</li>
        {c.counts.questionsOnlyLater > 0 && (
          <li>{t('changes.count.only_later', { count: c.counts.questionsOnlyLater })}</li>
        )}
        {c.counts.questionsOnlyEarlier > 0 && (
          <li>{t('changes.count.only_earlier', { count: c.counts.questionsOnlyEarlier })}</li>
        )}
        <li>
          {t('changes.count.figures', {
            count: c.counts.figuresChanged + c.counts.figuresNew + c.counts.figuresDropped,
          })}
        </li>
        <li>{t('changes.count.objectives', { count: c.counts.objectivesAdded + c.counts.objectivesDropped })}</li>
      </ul>
      <section aria-labelledby="changes-questions" className="changes-section">
        <h2 id="changes-questions">{t('changes.questions.title')}</h2>
        {shown.length === 0 && <p>{t('changes.questions.none')}</p>}
        {shown.map((q) => (
          <QuestionSection key={`${q.earlier ?? ''}-${q.later ?? ''}`} question={q} from={c.from} to={c.to} />
        ))}
        {unchanged.length > 0 && (
          <p className="muted">
            {t('changes.questions.unchanged', {
              count: unchanged.length,
              list: unchanged.map((q) => q.later ?? q.earlier).join(', '),
            })}
          </p>
        )}
      </section>
      <Figures change={c} />
      <section aria-labelledby="changes-objectives" className="changes-section">
        <h2 id="changes-objectives">{t('changes.objectives.title')}</h2>
        {c.objectives.added.length + c.objectives.dropped.length === 0 ? (
          <p>{t('changes.objectives.none')}</p>
        ) : (
          <ul>
            {c.objectives.added.map((n) => (
              <li key={`a${n}`}>{t('changes.objectives.added', { number: n })}</li>
            ))}
            {c.objectives.dropped.map((n) => (
              <li key={`d${n}`}>{t('changes.objectives.dropped', { number: n })}</li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

type T = ReturnType<typeof useLocale>['t'];

function sideText(t: T, side: Side): string {
  if (side.source === 'working') return t('changes.source.working', { cycle: side.cycle });
  if (side.source === 'published') return t('changes.source.published', { cycle: side.cycle, number: side.number });
  return t('changes.source.submission', { cycle: side.cycle, number: side.number });
}

const dirOf = (language: string) => (language === 'ar' ? 'rtl' : 'ltr');

function QuestionSection({ question, from, to }: { question: Question; from: Side; to: Side }) {
  const { t } = useLocale();
  const id = `changes-q-${(question.later ?? question.earlier ?? '').replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const changed = question.blocks.filter((b) => b.op !== 'unchanged');
  const same = question.blocks.length - changed.length;
  return (
    <section aria-labelledby={id} className="changes-question" data-question={question.later ?? question.earlier}>
      <h3 id={id}>
        {question.later ?? question.earlier} — {question.text}
      </h3>
      <p className="changes-tag">{t(QUESTION_LABELS[question.change])}</p>
      <ul className="diff changes-blocks">
        {changed.map((block, i) => (
          <BlockLine key={i} block={block} from={from} to={to} />
        ))}
      </ul>
      {same > 0 && <p className="muted">{t('changes.blocks.unchanged', { count: same })}</p>}
    </section>
  );
}

function BlockLine({ block, from, to }: { block: BlockChange; from: Side; to: Side }) {
  const { t } = useLocale();
  const language = block.op === 'removed' ? from.language : to.language;
  const depth = Math.min(Math.floor(((block.later ?? block.earlier)?.path.length ?? 1) / 2), 6);
  const cls = block.op === 'added' ? 'diff-added' : block.op === 'removed' ? 'diff-removed' : 'changes-changed';
  return (
    <li className={`${cls} depth-${depth}`} data-op={block.op}>
      <span className="diff-op">{t(BLOCK_LABELS[block.op])}</span>{' '}
      <span className="changes-text" lang={language} dir={dirOf(language)}>
        {block.op === 'changed' && block.words
          ? block.words.map((w, i) =>
              w.op === 'added' ? (
                <ins key={i} aria-label={t('changes.word.added', { text: w.text })}>
                  {w.text}
                </ins>
              ) : w.op === 'removed' ? (
                <del key={i} aria-label={t('changes.word.removed', { text: w.text })}>
                  {w.text}
                </del>
              ) : (
                <span key={i}>{w.text}</span>
              ),
            )
          : (block.later ?? block.earlier)?.text}
      </span>
    </li>
  );
}

function Figures({ change }: { change: CountryChange }) {
  const { t, number } = useLocale();
  const value = (f: CountryChange['figures'][number]['earlier']) =>
    f ? `${number(f.value)}${f.unit ? ` ${f.unit}` : ''}${f.period ? ` (${f.period})` : ''}` : '—';
  return (
    <section aria-labelledby="changes-figures" className="changes-section">
      <h2 id="changes-figures">{t('changes.figures.title')}</h2>
      {change.figures.length === 0 ? (
        <p>{t('changes.figures.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="changes-figures">
            <caption className="visually-hidden">{t('changes.figures.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('changes.figures.question')}</th>
                <th scope="col">{t('changes.figures.change')}</th>
                <th scope="col">{t('changes.figures.earlier', { cycle: change.from.cycle })}</th>
                <th scope="col">{t('changes.figures.later', { cycle: change.to.cycle })}</th>
                <th scope="col">{t('changes.figures.quote')}</th>
              </tr>
            </thead>
            <tbody>
              {change.figures.map((f, i) => (
                <tr key={i} data-change={f.change}>
                  <td>{f.question}</td>
                  <td>{t(FIGURE_LABELS[f.change])}</td>
                  <td>
                    <bdi>{value(f.earlier)}</bdi>
                  </td>
                  <td>
                    <bdi>{value(f.later)}</bdi>
                  </td>
                  <td lang={(f.later ? change.to : change.from).language} dir="auto">
                    {(f.later ?? f.earlier)?.quote}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
