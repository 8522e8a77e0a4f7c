import { blockTexts } from './blocks.js';
import type { Block } from './blocks.js';
import { LANGUAGES } from './language.js';
import { foldArabic, foldLatin } from './search-text.js';
import type { Language, Multilingual } from './language.js';

/**
 * Suggests the GCM objectives an answer is about, from the words it uses: each objective's
 * vocabulary is its own title and short name plus a few curated key terms
 * (catalogue/objective-keywords.json), in the answer's language. A hint for the reviewer, no
 * more: no model, deterministic, explainable by the evidence it returns.
 */

export interface ObjectiveText {
  number: number;
  title: Multilingual;
  shortName: Multilingual;
  keywords: Partial<Record<Language, string[]>>;
}

export interface ObjectiveSuggestion {
  number: number;
  /** 0..1, grows with the number, rarity and repetition of the objective's terms in the answer. */
  score: number;
  /** The answer's words that triggered it, as written there, most telling first. */
  evidence: string[];
}

/**
 * Weight of a term by where it comes from, summed: a word of the title and the short name that
 * is also a curated term is the objective's core (« données »). A phrase says more than a word.
 */
const WEIGHT = { title: 0.5, shortName: 0.5, word: 1, phrase: 1.5 };
/** The opening paragraph of a longer answer usually says what it is about. */
const LEAD = 2;
/** Score = 1 - exp(-weighted hits / SCALE): one rare curated word alone stays under MIN_SCORE. */
const SCALE = 2.5;
const MIN_SCORE = 0.35;
const MAX_SUGGESTIONS = 5;
const MAX_EVIDENCE = 5;

/**
 * Function words: dropped from the text, so « cartes de séjour » matches « carte de séjour ».
 * « donnée » is there too: singular, it is nearly always the participle (« la priorité a été
 * donnée »), while the data are « les données ».
 */
const STOP_WORDS: Record<Language, string> = {
  fr: `le la les l un une des de du d et ou à au aux en dans par pour sur avec sans ce ces cet cette c ci qui que
    qu dont où leur leurs son sa ses se s il ils elle elles on nous vous y ne n pas non plus moins très tout
    tous toute toutes est sont été être était ont a avoir ainsi afin entre lors comme aussi mais donc car si
    chaque selon vers contre sous depuis après avant pendant durant auprès notamment également donnée`,
  en: `the a an and or of to in on at by for with from as is are was were be been being it its this that these
    those which who whom whose their them they we our us he she his her not no all any each such than then there
    also into through throughout within without over under between among about so if but both can may should
    will would has have had do does did well`,
  ar: `في من على إلى الى عن مع أو او و ثم التي الذي الذين هذه هذا ذلك تلك كذلك كان كانت يكون تكون قد لا لم لن ما كل
    بين عبر حول أن ان إن لدى أي تم كما حيث بشأن ضمن خلال عند منذ بعد قبل وقد وفي ومن وعلى عليه له إلا أجل أكثر
    أقل`,
};

/**
 * Words of the objectives' titles that are in most answers or say nothing about one objective
 * (migrant, pays, renforcer…): never a term on their own, though phrases may contain them
 * (« migration régulière »). Rarer title words are left to the IDF weight.
 */
const GENERIC_WORDS: Record<Language, string> = {
  fr: `migrant migrante migration migratoire pays mondial mondiaux politique cadre action personne origine place
    base moyens faits élaboration utiliser serviront fondées fondé connaissance lutter combattre éliminer
    éradiquer prévenir réduire renforcer assurer favoriser faciliter promouvoir encourager créer mettre donner
    faire sorte soient puissent fournir gérer veiller recourir chercher attaquer munir investir contribuer
    contributions meilleurs délais étapes face vue long cycle manière nécessaires appropriés adéquats liés
    internationale international transnationale sûres sûre sûrs ordonnées régulière intégrée coordonnée droits
    mécanismes conditions services protection sécurité sociale développement durable facteurs travail public
    formes analyse évoluer perçues assistance pratiques administrative dernier solutions sociétés faveur pleine
    pleinement inclusion financière fonds procédures problèmes coopérer coopération orientation évaluation
    contrôle légale vies`,
  en: `migrant migration country countries global policy policies basis use utilize evidence based minimize factors
    compel leave provide stages ensure adequate enhance availability regular facilitate safeguard conditions
    work address reduce establish coordinated international efforts strengthen transnational response prevent
    combat eradicate persons people context manage integrated secure manner procedures appropriate measure only
    last towards protection assistance cycle services societies realize full social eliminate forms promote
    public shape invest development create fully contribute sustainable foster financial cooperate cooperation
    safe mechanisms security orderly counter`,
  ar: `الهجرة المهاجرين المهاجر للمهاجرين بلدهم البلدان الدول الدولي الدولية العالمية تعزيز تيسير ضمان توفير كفالة
    جميع سياق الوطني سياسات قائمة الأدلة أساس دقيقة تقديم المناسب مراحل الوقت العوامل الآمنة المنظمة النظامية
    الحماية المساعدة الخدمات الاجتماعي الاجتماعية التنمية المستدامة الظروف العمل إنشاء آليات منع القضاء التقليل
    أدنى حد الناس تضطر مغادرة معالجة أشكال تشجيع العام تحقيق الكامل إمكانية حصول تكفل إدارة بطريقة نحو التعاون
    دورة المجال طوال المجتمعات`,
};

/** Folds case, accents (French, English) and Arabic letter variants, as search does (domain/search-text.ts). */
function fold(word: string, language: Language): string {
  return language === 'ar' ? foldArabic(word.toLowerCase()) : foldLatin(word);
}

/**
 * Light stemming, rewrites applied in order to a folded word: plurals, then one common suffix,
 * so that « vulnérables » meets « vulnérabilité » and « الطوعية » meets « طوعي ». Lookbehinds
 * keep a stem of at least three letters. No French -er: « intégrer la dimension… » is not integration.
 */
const STEMMING: Record<Language, [RegExp, string][]> = {
  fr: [
    [/(?<=.{3})eaux$/u, 'eau'], // réseaux
    [/(?<=.{2})aux$/u, 'al'], // internationaux
    [/(?<=.{3})[sx]$/u, ''],
    [/(?<=.{4})e$/u, ''], // régulière → régulier
    [/(?:(?<=.{5})abilit|(?<=.{3})(?:ation|atoir|iqu|abl))$/u, ''], // not portabilité → port
  ],
  en: [
    [/(?<=.{2})ies$/u, 'y'],
    [/(?<=.{2}[^sui])s$/u, ''], // not status, crisis
    [/(?:(?<=.{5})(?:ability|al)|(?<=.{3})(?:ation|ment|ing|ity|able|ed|er|e))$/u, ''],
  ],
  ar: [
    [/^(?:وال|بال|كال|فال|لل|ال|و)(?=.{3})/u, ''],
    [/(?<=.{3})ا$/u, ''], // accusative: مرصدًا
    [/(?<=.{3})(?:ات|ون|ين|يه|ه|ي)$/u, ''],
  ],
};

function stem(folded: string, language: Language): string {
  return STEMMING[language].reduce((w, [pattern, by]) => w.replace(pattern, by), folded);
}

const wordSets = (lists: Record<Language, string>, normalize: (word: string, l: Language) => string) => {
  const words = (l: Language) => lists[l].split(/\s+/u).filter(Boolean);
  const sets = LANGUAGES.map((l) => [l, new Set(words(l).map((w) => normalize(w, l)))]);
  return Object.fromEntries(sets) as Record<Language, Set<string>>;
};
const STOP = wordSets(STOP_WORDS, fold);
const GENERIC = wordSets(GENERIC_WORDS, (w, l) => stem(fold(w, l), l));

/** A word's key, where it is (to quote it as written) and its segment (a phrase never spans two). */
type Token = { key: string; text: number; start: number; end: number; segment: number };

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const BREAK = /[.,;:!?()[\]«»"،؛؟]/u;

function tokenize(texts: readonly string[], language: Language): Token[] {
  const tokens: Token[] = [];
  let segment = 0;
  texts.forEach((text, index) => {
    segment++;
    let previous = 0;
    for (const m of text.matchAll(WORD)) {
      if (BREAK.test(text.slice(previous, m.index))) segment++;
      previous = m.index + m[0].length;
      const folded = fold(m[0], language);
      if (STOP[language].has(folded) || /^\p{N}+$/u.test(folded)) continue;
      tokens.push({ key: stem(folded, language), text: index, start: m.index, end: previous, segment });
    }
  });
  return tokens;
}

/** A term of an objective: its keys, and its source weight times its IDF. */
type Term = { keys: string[]; objective: number; weight: number };
type Vocabulary = Map<string, Term[]>;
/** Built once per catalogue and language: a pure cache, same input, same output. */
const vocabularies = new WeakMap<readonly ObjectiveText[], Map<Language, Vocabulary>>();

/** Every objective's terms in `language`, indexed by their first key. */
function buildVocabulary(objectives: readonly ObjectiveText[], language: Language): Vocabulary {
  const keys = (text: string | undefined): string[] => tokenize([text ?? ''], language).map((t) => t.key);
  const perObjective = objectives.map((o) => {
    const weights = new Map<string, number>(); // by term, its keys joined by spaces
    const add = (ids: string[], weight: number): void => {
      for (const id of new Set(ids))
        if (id !== '' && !GENERIC[language].has(id)) weights.set(id, (weights.get(id) ?? 0) + weight);
    };
    add(keys(o.title[language]), WEIGHT.title);
    add(keys(o.shortName[language]), WEIGHT.shortName);
    const curated = new Set((o.keywords[language] ?? []).map((k) => keys(k).join(' ')));
    for (const id of curated) add([id], id.includes(' ') ? WEIGHT.phrase : WEIGHT.word);
    return { number: o.number, weights };
  });
  // IDF: a term in many objectives' vocabularies tells little about any one of them.
  const df = new Map<string, number>();
  for (const { weights } of perObjective) for (const id of weights.keys()) df.set(id, (df.get(id) ?? 0) + 1);
  const n = objectives.length + 1;
  const idf = (id: string): number => Math.log(n / (df.get(id) ?? 1)) / Math.log(n);
  const index: Vocabulary = new Map();
  for (const { number, weights } of perObjective)
    for (const [id, weight] of weights) {
      const term = { keys: id.split(' '), objective: number, weight: weight * idf(id) };
      index.set(term.keys[0] ?? '', [...(index.get(term.keys[0] ?? '') ?? []), term]);
    }
  return index;
}

const matchesAt = (tokens: Token[], at: number, keys: string[]): boolean =>
  keys.every((key, k) => tokens[at + k]?.key === key && tokens[at + k]?.segment === tokens[at]?.segment);

/** A term found in the answer; `lead` when in the opening paragraph of a longer answer. */
type Hit = { objective: number; weight: number; count: number; lead: boolean; evidence: string };

/** The objectives `blocks` are about, best first: those scoring at least MIN_SCORE, at most five. */
export function suggestObjectives(
  blocks: Block[],
  language: Language,
  objectives: readonly ObjectiveText[],
): ObjectiveSuggestion[] {
  const texts = blockTexts(blocks);
  const tokens = tokenize(texts, language);
  const cache = vocabularies.get(objectives) ?? new Map<Language, Vocabulary>();
  const index = cache.get(language) ?? buildVocabulary(objectives, language);
  vocabularies.set(objectives, cache.set(language, index));
  const hits = new Map<string, Hit>(); // by objective and term
  // Longest match first, across all objectives: « inclusion financière » is objective 20's,
  // not also objective 16's « inclusion »; « recherche et sauvetage » is not data's « recherche ».
  for (let at = 0; at < tokens.length;) {
    const found = (index.get(tokens[at]?.key ?? '') ?? []).filter((t) => matchesAt(tokens, at, t.keys));
    const length = Math.max(1, ...found.map((t) => t.keys.length));
    const [first, last] = [tokens[at], tokens[at + length - 1]];
    for (const { keys, objective, weight } of found) {
      if (keys.length !== length || !first || !last) continue;
      const id = `${objective} ${keys.join(' ')}`;
      const evidence = texts[first.text]?.slice(first.start, last.end) ?? '';
      const hit = hits.get(id) ?? { objective, weight, count: 0, lead: false, evidence };
      hit.count++;
      hit.lead ||= first.text === 0 && texts.length > 1;
      hits.set(id, hit);
    }
    at += length;
  }

  const suggestions: ObjectiveSuggestion[] = [];
  for (const number of new Set([...hits.values()].map((h) => h.objective))) {
    // A term said again adds less each time: one topic repeated is not several topics.
    const scored = [...hits.values()]
      .filter((h) => h.objective === number)
      .map((h) => ({ ...h, value: h.weight * (1 + Math.log(h.count)) * (h.lead ? LEAD : 1) }));
    const raw = scored.reduce((sum, h) => sum + h.value, 0);
    const score = Math.round((1 - Math.exp(-raw / SCALE)) * 1000) / 1000;
    if (score < MIN_SCORE) continue;
    scored.sort((a, b) => b.value - a.value); // stable: ties stay in reading order
    const evidence = new Map(scored.map((h) => [h.evidence.toLocaleLowerCase(), h.evidence]));
    suggestions.push({ number, score, evidence: [...evidence.values()].slice(0, MAX_EVIDENCE) });
  }
  suggestions.sort((a, b) => b.score - a.score || a.number - b.number);
  return suggestions.slice(0, MAX_SUGGESTIONS);
}

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const strings = (texts: Partial<Record<Language, unknown>>) =>
  Object.fromEntries(Object.entries(texts).filter(([, v]) => typeof v === 'string' && v !== '')) as Multilingual;

/** The objectives' texts, from catalogue/gcm-objectives.json and catalogue/objective-keywords.json. */
export function objectiveTexts(objectivesFile: unknown, keywordsFile: unknown): ObjectiveText[] {
  const keywords = record(record(keywordsFile)?.keywords);
  if (!Array.isArray(objectivesFile) || !keywords)
    throw new Error('objectiveTexts: expects gcm-objectives.json and objective-keywords.json');
  return objectivesFile.map((entry: unknown) => {
    const o = record(entry);
    if (typeof o?.number !== 'number') throw new Error('gcm-objectives.json: an objective has no number');
    const own = record(keywords[String(o.number)]);
    const lists = LANGUAGES.flatMap((l) => {
      const list = own?.[l];
      return Array.isArray(list) ? [[l, list.filter((t): t is string => typeof t === 'string')]] : [];
    });
    return {
      number: o.number,
      title: strings({ fr: o.fr, en: o.en, ar: o.ar }),
      shortName: strings({ fr: o.shortNameFr, en: o.shortName }),
      keywords: Object.fromEntries(lists) as Partial<Record<Language, string[]>>,
    };
  });
}
