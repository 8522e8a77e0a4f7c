/**
 * The figures' charts as Vega-Lite 5 specifications (pure data: the server renders them to SVG
 * and PNG, src/documents/chart-svg.ts; the app and the portal show that SVG). One horizontal bar
 * per value, in the code's order, its count written at its end, each bar a link (`href`) to the
 * answers behind it. In Arabic the chart is a mirror: the labels on the right and the bars
 * growing right to left, as the page around it reads.
 */
import { direction, type Language } from './language.js';

export interface ChartValue {
  key: string;
  /** In the reader's language. */
  label: string;
  count: number;
  /** Where the bar leads: the answers coded with this value. */
  href: string;
}

export interface BarChartInput {
  /** What the chart shows, in the reader's language: told to screen readers, never drawn (the page has the heading). */
  title: string;
  values: readonly ChartValue[];
  language: Language;
  /** The number of countries counted from: the x scale ends there, so charts of one cycle compare. */
  total: number;
}

export const CHART_WIDTH = 560;
export const CHART_STEP = 28;
export const CHART_FONT = 'Noto Sans, Noto Naskh Arabic, sans-serif';

/** A Vega-Lite top-level specification (kept loose: the domain does not depend on vega-lite). */
export type VegaLiteSpec = Record<string, unknown>;

export function barChartSpec(input: BarChartInput): VegaLiteSpec {
  const rtl = direction(input.language) === 'rtl';
  // At least 1, so an empty cycle draws an empty axis rather than a degenerate scale.
  const max = Math.max(1, input.total, ...input.values.map((v) => v.count));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: input.title,
    width: CHART_WIDTH,
    height: CHART_STEP * Math.max(1, input.values.length),
    data: { values: input.values.map((v) => ({ key: v.key, label: v.label, count: v.count, href: v.href })) },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: null,
        axis: {
          title: null,
          orient: rtl ? 'right' : 'left',
          labelLimit: 240,
          labelFontSize: 13,
          labelPadding: 6,
          ticks: false,
        },
      },
      x: {
        field: 'count',
        type: 'quantitative',
        scale: { domain: [0, max], reverse: rtl, nice: false },
        axis: { title: null, format: 'd', tickMinStep: 1, grid: true, labelFontSize: 11 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', color: '#1f5f99', cursor: 'pointer' },
        encoding: {
          href: { field: 'href', type: 'nominal' },
          tooltip: [
            { field: 'label', type: 'nominal' },
            { field: 'count', type: 'quantitative' },
          ],
        },
      },
      {
        // The count at the bar's end, on the side it grows to.
        mark: { type: 'text', align: rtl ? 'right' : 'left', dx: rtl ? -4 : 4, fontSize: 13, color: '#1b1b1b' },
        encoding: { text: { field: 'count', type: 'quantitative', format: 'd' } },
      },
    ],
    config: {
      font: CHART_FONT,
      view: { stroke: null },
      axis: { labelFont: CHART_FONT, labelColor: '#1b1b1b', domainColor: '#6b6b6b' },
    },
  };
}
