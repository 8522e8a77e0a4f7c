import type { Language } from '../domain/language.js';

/** Frequent function words: every real paragraph is full of them. */
const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));
const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  fr: words(
    'le la les des du de et est une un pour dans que qui sur au aux avec par ce cette ces ont été sont pas ne il elle nous vous leur leurs ainsi en',
  ),
  en: words(
    'the and of to in is are for with that this on by was were be have has from as an it its their which or not been',
  ),
  ar: words('في من على إلى أن التي الذي عن مع هذا هذه و أو كما بين'),
};

/**
 * Guesses the language of a text: Arabic by its script, French and English by counting stop
 * words. Null when there is nothing to go on (no letters, or a tie between French and English).
 */
export function detectLanguage(text: string): Language | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  const arabic = text.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  // Arabic answers often quote Latin names and acronyms, so a majority of letters is enough.
  if (arabic / letters > 0.5) return 'ar';
  // Split on apostrophes too, so that French elisions (l’examen, d'asile) do not hide words.
  const tokens = text.toLowerCase().split(/[^\p{L}]+/u);
  const count = (language: Language): number => tokens.filter((w) => STOP_WORDS[language].has(w)).length;
  const fr = count('fr');
  const en = count('en');
  const ar = count('ar');
  if (ar > fr && ar > en) return 'ar';
  if (fr === en) return null;
  return fr > en ? 'fr' : 'en';
}
