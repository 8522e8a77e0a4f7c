/** The three languages Pacte is written in; every user-facing text exists in each. */
export const LANGUAGES = ['fr', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in several languages, e.g. a question's wording. Never titleFr/titleEn fields. */
export type Multilingual = Partial<Record<Language, string>>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function direction(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The text in `language`, else in the first language that has one (fr, en, ar order). */
export function pick(text: Multilingual, language: Language): string {
  return text[language] ?? text.fr ?? text.en ?? text.ar ?? '';
}

/**
 * A Latin identifier inside Arabic text, isolated (U+2068 … U+2069): without it, « demo» — demo-2 »
 * binds the punctuation between two Latin runs into one left-to-right run, and the title reads
 * scrambled in a right-to-left line.
 */
export const isolate = (latin: string) => `\u2068${latin}\u2069`;
