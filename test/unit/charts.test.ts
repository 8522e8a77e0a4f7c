import { describe, expect, it } from 'vitest';
import { barChartSpec, CHART_FONT, type ChartValue } from '../../src/domain/charts.js';
import { chartPng, chartSvg } from '../../src/documents/chart-svg.js';

/** The figures' bar chart: its Vega-Lite specification in French and Arabic, and its SVG and PNG. */
const values = (language: 'fr' | 'ar'): ChartValue[] => [
  { key: 'new', label: language === 'ar' ? 'آلية تنسيق جديدة' : 'Nouveau mécanisme', count: 7, href: '/a?value=new' },
  {
    key: 'existing',
    label: language === 'ar' ? 'آلية قائمة' : 'Mécanisme existant',
    count: 10,
    href: '/a?value=existing',
  },
  { key: 'none', label: language === 'ar' ? 'لا شيء' : 'Aucun', count: 0, href: '/a?value=none' },
];

type Spec = {
  description: string;
  height: number;
  data: { values: ChartValue[] };
  encoding: { y: { axis: { orient: string } }; x: { scale: { reverse: boolean; domain: number[] } } };
  layer: { mark: { type: string }; encoding: Record<string, { field: string }> }[];
  config: { font: string };
};

describe('barChartSpec', () => {
  it('French: labels on the left, bars growing left to right, each bar a link', () => {
    const spec = barChartSpec({ title: 'Coordination', values: values('fr'), language: 'fr', total: 22 }) as Spec;
    expect(spec.encoding.y.axis.orient).toBe('left');
    expect(spec.encoding.x.scale).toMatchObject({ reverse: false, domain: [0, 22] });
    expect(spec.data.values.map((v) => [v.label, v.count, v.href])).toEqual(
      values('fr').map((v) => [v.label, v.count, v.href]),
    );
    expect(spec.layer[0]!.encoding.href!.field).toBe('href');
    expect(spec.height).toBe(3 * 28);
    expect(spec.config.font).toBe(CHART_FONT);
    expect(spec.description).toBe('Coordination');
    expect(JSON.stringify(spec)).not.toContain('"title":"Coordination"');
  });

  it('Arabic: a mirror, labels on the right and the x scale reversed', () => {
    const spec = barChartSpec({ title: 'التنسيق', values: values('ar'), language: 'ar', total: 22 }) as Spec;
    expect(spec.encoding.y.axis.orient).toBe('right');
    expect(spec.encoding.x.scale.reverse).toBe(true);
    expect(spec.data.values.map((v) => v.label)).toEqual(['آلية تنسيق جديدة', 'آلية قائمة', 'لا شيء']);
  });
});

describe('chartSvg and chartPng', () => {
  it('draws one link per bar with its href, the Arabic labels, and a PNG of it', async () => {
    const svg = await chartSvg(barChartSpec({ title: 'التنسيق', values: values('ar'), language: 'ar', total: 22 }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect([...svg.matchAll(/<a [^>]*href="([^"]+)"/gu)].map((m) => m[1])).toEqual(values('ar').map((v) => v.href));
    expect(svg).toContain('آلية قائمة');
    const png = chartPng(svg);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Width × 2 (the zoom) in the IHDR chunk: about the 560 px chart plus its axis.
    const width = png.readUInt32BE(16);
    expect(width).toBeGreaterThan(1100);
    expect(width).toBeLessThan(2000);
  });
});
