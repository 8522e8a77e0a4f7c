import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import type { SynthesisDocument, SynthesisInline } from '../domain/synthesis.js';
import { citePassage } from './cite-passage.js';
import { createSynthesis } from './create-synthesis.js';
import { saveSynthesis } from './save-synthesis.js';
import { searchPassages, type PassageFound } from './search-passages.js';

/**
 * The demo region's draft synthesis (issue 14, items 1–5; docs/regional.md, « The demo region »):
 * a French edition and its Arabic edition, each a few paragraphs citing what 3–4 fictional
 * countries SUBMITTED about their coordination mechanism (I.a), found with the passage search the
 * editor uses, then the figure of I.a's code and the objectives matrix. Titles say the data are
 * fictional; the region is synthetic, so every page shows its label. Left a draft: publishing is
 * the secretariat's decision (and a quotation needs the country's consent or publication).
 */
export async function writeDemoSynthesis(db: Kysely<Database>, actor: Actor, cycle: string): Promise<void> {
  const found = new Map<string, PassageFound>();
  for (const word of ['coordination', 'تنسيق']) {
    for (const p of (await searchPassages(db, actor, cycle, word)).passages) {
      if (p.passage.questionId === 'I.a' && !found.has(p.country) && found.size < 4) found.set(p.country, p);
    }
  }
  const passages = [...found.values()];
  if (passages.length === 0) return; // too few submissions to cite: no synthesis
  const fr = await createSynthesis(db, actor, cycle, {
    language: 'fr',
    title: 'Synthèse régionale (données fictives)',
  });
  const ar = await createSynthesis(db, actor, cycle, {
    language: 'ar',
    title: 'الخلاصة الإقليمية (بيانات وهمية)',
    translationOf: fr.id,
  });
  for (const [synthesis, texts] of [
    [fr, FR],
    [ar, AR],
  ] as const) {
    const target = { cycle, id: synthesis.id };
    const ids: number[] = [];
    for (const p of passages) ids.push((await citePassage(db, actor, target, { passage: p.passage })).id);
    await saveSynthesis(db, actor, target, { document: document(texts, ids), baseRevision: 0 });
  }
}

const FR = {
  heading: 'Mécanismes de coordination',
  intro: 'Cette synthèse porte sur des pays fictifs : ses constats illustrent Pacte, ils ne décrivent aucun État.',
  cited: 'Plusieurs pays décrivent la manière dont ils ont coordonné leur examen',
  trends: 'Tendances',
  point: 'Les mécanismes existants et les structures créées pour l’examen coexistent dans la région.',
};
const AR = {
  heading: 'آليات التنسيق',
  intro: 'تتناول هذه الخلاصة بلداناً وهمية: استنتاجاتها توضيحية لمنصة Pacte ولا تصف أي دولة.',
  cited: 'تصف عدة بلدان الطريقة التي نسّقت بها استعراضها',
  trends: 'الاتجاهات',
  point: 'تتعايش في المنطقة الآليات القائمة والهياكل المنشأة للاستعراض.',
};

function document(texts: typeof FR, ids: number[]): SynthesisDocument {
  const text = (value: string): SynthesisInline => ({ type: 'text', text: value });
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [text(texts.heading)] },
      { type: 'paragraph', content: [{ type: 'text', text: texts.intro, marks: [{ type: 'italic' }] }] },
      {
        type: 'paragraph',
        content: [
          // One statement citing each country's words: a note per country.
          { type: 'text', text: `${texts.cited}.`, marks: [{ type: 'citation', attrs: { citations: ids } }] },
        ],
      },
      { type: 'figure', attrs: { code: 'I.a', group: null } },
      { type: 'heading', attrs: { level: 2 }, content: [text(texts.trends)] },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text(texts.point)] }] }],
      },
      { type: 'objectivesMatrix' },
    ],
  };
}
