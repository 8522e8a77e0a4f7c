import { describe, expect, it } from 'vitest';
import { buildSnippet, foldArabic, normalizeSearchText, searchWord } from '../../src/domain/search-text.js';

describe('search normalisation', () => {
  it('folds Latin case and accents', () => {
    expect(searchWord('Régularisation')).toBe('regularisation');
    expect(normalizeSearchText('Œuvre ÇA, déjà-vu !')).toBe('oeuvre ca, deja-vu !');
  });

  it('folds alef forms, taa marbuta and alef maqsura, and drops tatweel and diacritics', () => {
    expect(foldArabic('أإآٱ')).toBe('اااا');
    expect(foldArabic('وزارة')).toBe('وزاره');
    expect(foldArabic('مستشفى')).toBe('مستشفي');
    expect(foldArabic('الـــهجرة')).toBe('الهجره');
    expect(foldArabic('مُهَاجِرٌ')).toBe('مهاجر');
    expect(foldArabic('هٰذا')).toBe('هذا');
  });

  it('drops the prefixes و and ال (with the prepositions that join them) from long words only', () => {
    expect(searchWord('والمهاجرين')).toBe('مهاجرين');
    expect(searchWord('بالهجرة')).toBe('هجره');
    expect(searchWord('كالعادة')).toBe('عاده');
    expect(searchWord('فالعمل')).toBe('عمل');
    expect(searchWord('للمهاجرين')).toBe('مهاجرين');
    expect(searchWord('المهاجرين')).toBe('مهاجرين');
    expect(searchWord('ووزارة')).toBe('وزاره');
    expect(searchWord('وتصاريح')).toBe('تصاريح');
    // Short words keep their letters: « ولد » (boy), « الى », « وطن » (homeland), « الحق » would leave 2.
    expect(searchWord('ولد')).toBe('ولد');
    expect(searchWord('إلى')).toBe('الي');
    expect(searchWord('وطن')).toBe('وطن');
    expect(searchWord('الحق')).toBe('الحق');
    // « والد » (father): not « د »; at most the و goes, the same for documents and queries.
    expect(searchWord('والد')).toBe('الد');
  });

  it('keeps everything between words, so the parser cuts the text as it would the original', () => {
    expect(normalizeSearchText('L’État, les migrants (2020) ; والمهاجرين.')).toBe(
      'l’etat, les migrants (2020) ; مهاجرين.',
    );
  });
});

describe('snippets', () => {
  const byWord =
    (...words: string[]) =>
    (w: string) =>
      words.includes(searchWord(w));

  it('escapes the text and wraps matches in <mark>', () => {
    expect(buildSnippet('a <script>alert(1)</script> & Régularisation "x"', byWord('regularisation'))).toBe(
      'a &#60;script&#62;alert(1)&#60;/script&#62; &#38; <mark>Régularisation</mark> &#34;x&#34;',
    );
  });

  it('cuts a long text around the matches, marking the cuts', () => {
    const text = `${'un '.repeat(100)}cible ${'deux '.repeat(100)}`;
    const snippet = buildSnippet(text, byWord('cible'));
    expect(snippet.startsWith('… un')).toBe(true);
    expect(snippet.endsWith('deux …')).toBe(true);
    expect(snippet).toContain('<mark>cible</mark>');
    expect(snippet.split(' ').length).toBeLessThan(40);
  });

  it('shows the beginning when nothing matches', () => {
    expect(buildSnippet('Rien <b>ici</b>', () => false)).toBe('Rien &#60;b&#62;ici&#60;/b&#62;');
  });
});
