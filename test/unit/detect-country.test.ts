import { describe, expect, it } from 'vitest';
import { detectCountry } from '../../src/domain/detect-country.js';

const countries = [
  { code: 'MAR', name: { fr: 'Maroc', en: 'Morocco', ar: 'المغرب' } },
  { code: 'DEU', name: { fr: 'Allemagne', en: 'Germany', ar: 'ألمانيا' } },
  { code: 'TUN', name: { fr: 'Tunisie', en: 'Tunisia', ar: 'تونس' } },
];

describe('guessing the country of a review', () => {
  it('picks the country named clearly most often, by whole name', () => {
    const text = 'Le Maroc a… le Maroc dispose… Au Maroc, avec l’Allemagne. Les Marocains résidant…';
    expect(detectCountry(text, 'fr', countries)).toBe('MAR');
  });

  it('does not guess when two countries are named about as often', () => {
    expect(detectCountry('Maroc Tunisie Maroc Tunisie Maroc Tunisie', 'fr', countries)).toBeNull();
  });

  it('does not guess from a name mentioned once or twice', () => {
    expect(detectCountry('Le Maroc et le Maroc.', 'fr', countries)).toBeNull();
  });

  it('reads names in the review language, Arabic included', () => {
    expect(detectCountry('المغرب … في المغرب … المغرب وتونس … المغرب', 'ar', countries)).toBe('MAR');
  });
});
