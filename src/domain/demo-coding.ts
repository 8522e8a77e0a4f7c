import type { Block } from './blocks.js';
import { OBJECTIVE_PHRASES } from './demo-objectives.js';
import type { Language } from './language.js';
import { SYNTHETIC_LABEL } from './synthetic.js';

/**
 * What the demo region's fictional countries answer to I.a, II.a and V.a, and the values those
 * answers truly express (the « truth » bench/code-suggestions.ts measures suggestions against).
 * The plan is a pure function of the country's index: `demoTruth` recomputes it, nothing is
 * stored where users read. Sentences vary per value (several templates, three languages), and
 * some answers carry a distractor: a value named under a negation, or a cue of another value
 * said not to apply, so that precision is a real measure.
 */

export const CODED_QUESTIONS = ['I.a', 'II.a', 'V.a'] as const;
export type CodedQuestion = (typeof CODED_QUESTIONS)[number];
export type DemoTruth = Record<CodedQuestion, string[]>;

const MECHANISMS = ['new_mechanism', 'existing_mechanism', 'none'] as const;
const STAKEHOLDERS = [
  'public_institution',
  'local_authority',
  'civil_society',
  'migrant_association',
  'private_sector',
  'union',
  'academia',
  'international_organisation',
  'un',
] as const;

/** A small deterministic generator (mulberry32): the same country index gives the same plan. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct numbers below `n`, in increasing order. */
function pick(next: () => number, n: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(next() * n));
  return [...chosen].sort((a, b) => a - b);
}

interface Plan {
  truth: DemoTruth;
  variant: number;
  /** A stakeholder and an objective named under a negation, or null. */
  notStakeholder: number | null;
  notObjective: number | null;
}

function planFor(index: number): Plan {
  const next = random(0x5eed + index * 7919);
  const stakeholders = pick(next, STAKEHOLDERS.length, 1 + Math.floor(next() * 4));
  const objectives = pick(next, 23, 2 + Math.floor(next() * 3));
  const others = (list: number[], n: number) => [...Array(n).keys()].filter((k) => !list.includes(k));
  const distract = next() < 0.5;
  const otherStakeholders = others(stakeholders, STAKEHOLDERS.length);
  const otherObjectives = others(objectives, 23);
  return {
    truth: {
      'I.a': [MECHANISMS[index % 3]!],
      'II.a': stakeholders.map((k) => STAKEHOLDERS[k]!),
      'V.a': objectives.map((k) => `objective-${k + 1}`),
    },
    variant: Math.floor(next() * 1000),
    notStakeholder: distract ? otherStakeholders[Math.floor(next() * otherStakeholders.length)]! : null,
    notObjective: distract ? otherObjectives[Math.floor(next() * otherObjectives.length)]! : null,
  };
}

/** The values the answers of the demo country with this index express, per coded question. */
export function demoTruthOf(index: number): DemoTruth {
  return planFor(index).truth;
}

const MECHANISM_SENTENCES: Record<Language, Record<(typeof MECHANISMS)[number], string[]>> = {
  fr: {
    new_mechanism: [
      "Un comité national ad hoc a été créé pour coordonner l'examen ; il réunit les ministères concernés sous la présidence du ministère fictif des affaires étrangères.",
      'Le gouvernement a mis en place un groupe de travail interministériel, spécialement constitué pour cet examen.',
      "Aucun mécanisme préexistant ne couvrait la migration : un comité ad hoc a donc été créé, présidé par le ministère fictif de l'intérieur.",
    ],
    existing_mechanism: [
      "Aucun nouveau mécanisme n'a été créé : l'examen a été confié au comité interministériel existant chargé de la migration.",
      "Le pays s'est appuyé sur sa commission nationale permanente pour la migration, déjà en place avant l'adoption du Pacte.",
      'La coordination a été assurée par le mécanisme de gouvernance existant, qui suit la stratégie nationale migratoire.',
    ],
    none: [
      "Aucun mécanisme de coordination spécifique n'a été mis en place pour cet examen ; le ministère fictif de l'intérieur a rédigé seul la réponse.",
      "Il n'existe pas de comité chargé de l'examen : chaque ministère a transmis sa contribution directement.",
      "Faute de moyens, l'examen s'est fait sans mécanisme de coordination, par échanges de courriers.",
    ],
  },
  en: {
    new_mechanism: [
      'An ad hoc committee was set up to coordinate the review, bringing together the ministries concerned under the fictional Ministry of Foreign Affairs.',
      'The Government established a task force of several ministries specifically for this review.',
      'For this review a new coordination body was created; nothing of the kind existed before.',
    ],
    existing_mechanism: [
      'No new mechanism was created: the review was entrusted to the existing interministerial committee on migration.',
      'The country relied on its standing committee on migration, already in place before the Compact was adopted.',
      'Coordination was ensured by the existing governance mechanism that follows the national migration strategy.',
    ],
    none: [
      'No specific coordination mechanism was set up for this review; the fictional Ministry of the Interior drafted the answers alone.',
      'There is no committee in charge of the review: each ministry sent its contribution directly.',
      'For lack of means, the review was prepared without coordination, by exchanges of letters.',
    ],
  },
  ar: {
    new_mechanism: [
      'أنشأت الحكومة لجنة وطنية مخصصة لتنسيق الاستعراض، تضم الوزارات المعنية برئاسة وزارة الخارجية الافتراضية.',
      'تم تشكيل فريق عمل جديد مشترك بين الوزارات خصيصًا لهذا الاستعراض.',
      'استحدثت لجنة تنسيق جديدة لم تكن موجودة من قبل، برئاسة وزارة الداخلية الافتراضية.',
    ],
    existing_mechanism: [
      'لم يتم إنشاء آلية جديدة، إذ أسندت مهمة الاستعراض إلى اللجنة الوطنية الدائمة للهجرة القائمة بالفعل.',
      'تولّت آلية الحوكمة القائمة لمتابعة استراتيجية الهجرة تنسيق هذا الاستعراض.',
      'اعتمد البلد على هيئة قائمة أصلًا تُعنى بشؤون الهجرة.',
    ],
    none: [
      'لا توجد آلية تنسيق خاصة بالاستعراض؛ أعدّت وزارة الداخلية الافتراضية الإجابات بمفردها.',
      'لم يتم تشكيل أي لجنة لهذا الغرض، وجرى إعداد الاستعراض دون آلية تنسيق.',
      'لم تُنشأ أي هيئة للتنسيق، وأرسلت كل وزارة مساهمتها مباشرة.',
    ],
  },
};

const STAKEHOLDER_PHRASES: Record<Language, [string, string][]> = {
  fr: [
    ['les institutions publiques concernées', "plusieurs établissements publics, dont l'agence nationale de l'emploi"],
    ['les collectivités territoriales', 'les conseils régionaux des zones frontalières'],
    ['les organisations de la société civile', 'plusieurs organisations non gouvernementales nationales'],
    ['les associations de migrants', 'des organisations de migrants et de la diaspora'],
    ['le secteur privé', 'les organisations patronales et les chambres de commerce'],
    ['les centrales syndicales', 'les organisations syndicales'],
    ['les universités et les centres de recherche', 'des chercheurs académiques'],
    ['les organisations internationales', "l'Organisation internationale pour les migrations"],
    ['les agences des Nations Unies', 'le système des Nations Unies'],
  ],
  en: [
    ['the relevant public institutions', 'several public agencies, among them the national agency for employment'],
    ['local authorities', 'city councils of the border regions'],
    ['civil society organisations', 'several non-governmental organisations'],
    ['migrant associations', 'migrant and diaspora organisations'],
    ['the private sector', "employers' organisations and chambers of commerce"],
    ['trade unions', 'labour unions'],
    ['universities and research centres', 'academic researchers'],
    ['international organisations', 'the International Organization for Migration'],
    ['United Nations agencies', 'the United Nations system'],
  ],
  ar: [
    ['المؤسسات العمومية المعنية', 'عدة هيئات عامة منها الوكالة الوطنية للتشغيل'],
    ['السلطات المحلية', 'المجالس البلدية في المناطق الحدودية'],
    ['منظمات المجتمع المدني', 'عدة منظمات غير حكومية'],
    ['جمعيات المهاجرين', 'منظمات المهاجرين وجمعيات الجالية'],
    ['القطاع الخاص', 'منظمات أصحاب العمل وغرف التجارة'],
    ['النقابات العمالية', 'المنظمات النقابية'],
    ['الجامعات ومراكز البحث', 'الباحثين الأكاديميين'],
    ['المنظمات الدولية', 'المنظمة الدولية للهجرة'],
    ['وكالات الأمم المتحدة', 'منظومة الأمم المتحدة'],
  ],
};

const FRAMES: Record<Language, { stakeholders: string[]; without: string; priorities: string[]; notPriority: string }> =
  {
    fr: {
      stakeholders: [
        'Le gouvernement fictif a coopéré avec {list} pour élaborer sa politique migratoire.',
        'La mise en œuvre du Pacte associe {list}, réunis deux fois par an.',
        'Des ateliers de concertation ont réuni {list}.',
      ],
      without: 'Ces travaux se sont déroulés sans associer {one}.',
      priorities: [
        'Les domaines prioritaires retenus sont les suivants :',
        'À la lumière de cet examen, le pays fictif entend en priorité :',
      ],
      notPriority: 'En revanche, il ne s’agit pas de {one} à ce stade.',
    },
    en: {
      stakeholders: [
        'The fictional Government worked with {list} on its migration policy.',
        'Implementation of the Compact involves {list}, who meet twice a year.',
        'Consultation workshops brought together {list}.',
      ],
      without: 'This work went ahead without involving {one}.',
      priorities: [
        'The priority areas are:',
        'In the light of this review, the fictional country will give priority to:',
      ],
      notPriority: 'At this stage the priorities do not include {one}.',
    },
    ar: {
      stakeholders: [
        'تعاونت الحكومة الافتراضية مع {list} في إعداد سياستها بشأن الهجرة.',
        'يشارك في تنفيذ الاتفاق {list}، وتجتمع مرتين في السنة.',
        'جمعت ورشات تشاورية {list}.',
      ],
      without: 'وجرى ذلك دون إشراك {one}.',
      priorities: ['المجالات ذات الأولوية هي:', 'في ضوء هذا الاستعراض، سيعطي البلد الافتراضي الأولوية لما يلي:'],
      notPriority: 'ولا تشمل الأولويات في هذه المرحلة {one}.',
    },
  };

function join(items: string[], language: Language): string {
  if (items.length === 1) return items[0]!;
  const last = items[items.length - 1]!;
  const head = items.slice(0, -1).join(language === 'ar' ? '، ' : ', ');
  return language === 'ar' ? `${head} و${last}` : `${head} ${language === 'fr' ? 'et' : 'and'} ${last}`;
}

/**
 * The demo country's answer to a coded question, in blocks, opening with the synthetic-data
 * label as every generated text does; null for the other questions.
 */
export function demoCodedAnswer(
  index: number,
  language: Language,
  country: string,
  questionId: string,
): Block[] | null {
  const plan = planFor(index);
  const v = plan.variant;
  const label = `[${SYNTHETIC_LABEL[language]}] ${
    { fr: `${country} n'existe pas.`, en: `${country} does not exist.`, ar: `${country} غير موجود.` }[language]
  }`;
  const paragraph = (text: string): Block => ({ type: 'paragraph', text });
  const frames = FRAMES[language];
  if (questionId === 'I.a') {
    const sentences = MECHANISM_SENTENCES[language][MECHANISMS[index % 3]!];
    return [paragraph(`${label} ${sentences[v % sentences.length]!}`)];
  }
  if (questionId === 'II.a') {
    const names = plan.truth['II.a'].map((key, n) => {
      const k = STAKEHOLDERS.indexOf(key as (typeof STAKEHOLDERS)[number]);
      return STAKEHOLDER_PHRASES[language][k]![(v + n) % 2]!;
    });
    let text = `${label} ${frames.stakeholders[v % frames.stakeholders.length]!.replace('{list}', join(names, language))}`;
    if (plan.notStakeholder !== null) {
      text += ` ${frames.without.replace('{one}', STAKEHOLDER_PHRASES[language][plan.notStakeholder]![v % 2]!)}`;
    }
    return [paragraph(text)];
  }
  if (questionId === 'V.a') {
    const items = plan.truth['V.a'].map((key, n) => {
      const phrase = OBJECTIVE_PHRASES[language][Number(key.slice('objective-'.length)) - 1]![(v + n) % 2]!;
      return { text: `${phrase.charAt(0).toLocaleUpperCase(language)}${phrase.slice(1)}.`, blocks: [] };
    });
    const blocks: Block[] = [
      paragraph(`${label} ${frames.priorities[v % frames.priorities.length]!}`),
      { type: 'list', ordered: false, items },
    ];
    if (plan.notObjective !== null) {
      blocks.push(
        paragraph(frames.notPriority.replace('{one}', OBJECTIVE_PHRASES[language][plan.notObjective]![v % 2]!)),
      );
    }
    return blocks;
  }
  return null;
}
