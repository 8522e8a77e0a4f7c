import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { useId } from 'react';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import type { CodeFigures, ObjectivesMatrix } from '../../lib/types.js';
import { Chart, Matrix } from '../../pages/regional/figures.js';

/**
 * The synthesis's two atoms as the editor shows them: live, from the figures API of the cycle
 * (the same chart and matrix as the figures page). They are not editable text: selected, they
 * are deleted or moved as one piece; the document keeps only which code (and group) they show.
 */

const codePath = (cycle: string, code: string) =>
  `/cycles/${encodeURIComponent(cycle)}/codes/${encodeURIComponent(code)}/figures`;

export function FigureView({ node, extension, selected }: NodeViewProps) {
  const { t, language } = useLocale();
  const cycle = String(extension.options.cycle);
  const code = String(node.attrs.code);
  const group = (node.attrs.group as string | null) || '';
  const base = codePath(cycle, code);
  const figures = useApi<CodeFigures>(group ? `${base}?group=${encodeURIComponent(group)}` : base);
  const name = figures.data ? localText(figures.data.code.names, language) || code : code;
  const svg = `${base}.svg?${new URLSearchParams({ ...(group ? { group } : {}), lang: language }).toString()}`;
  return (
    <NodeViewWrapper
      className={`synthesis-atom synthesis-figure${selected ? ' is-selected' : ''}`}
      data-figure={code}
      contentEditable={false}
    >
      <p className="synthesis-atom-caption">
        {t('synthesis.figure.caption', { question: code, name })}
        {group && <> · {t('synthesis.figure.group', { group })}</>}
      </p>
      {figures.error ? (
        <p className="error-message">{figures.error.message}</p>
      ) : figures.data && figures.data.codedCountries === 0 ? (
        <p className="muted">{t('figures.nothing_coded')}</p>
      ) : (
        <Chart path={svg} label={name} />
      )}
    </NodeViewWrapper>
  );
}

export function MatrixView({ extension, selected }: NodeViewProps) {
  const { t } = useLocale();
  const id = useId();
  const cycle = String(extension.options.cycle);
  const matrix = useApi<ObjectivesMatrix>(`/cycles/${encodeURIComponent(cycle)}/objectives-matrix`);
  return (
    <NodeViewWrapper
      className={`synthesis-atom synthesis-matrix${selected ? ' is-selected' : ''}`}
      data-objectives-matrix=""
      contentEditable={false}
    >
      <p className="synthesis-atom-caption" id={id}>
        {t('figures.matrix.title')}
      </p>
      {matrix.error ? (
        <p className="error-message">{matrix.error.message}</p>
      ) : matrix.data ? (
        <Matrix matrix={matrix.data} labelledBy={id} />
      ) : (
        <p className="muted">{t('synthesis.loading')}</p>
      )}
    </NodeViewWrapper>
  );
}
