import { describe, expect, it } from 'vitest';
import { valueLabels } from '../../src/domain/answer-value-text.js';
import type { ValueNames } from '../../src/domain/value-text.js';

/** The words of a typed value that search indexes (issue 15): labels and titles, never ids. */
const titles: ValueNames = {
  objectives: [
    { number: 1, title: { fr: 'Collecter des données', ar: 'جمع البيانات' } },
    { number: 7, title: { fr: 'Réduire les vulnérabilités' } },
  ],
  principles: [
    { key: 'people-centred', letter: 'a', title: { fr: 'Priorité à la dimension humaine', ar: 'التركيز على الإنسان' } },
  ],
};
const question = {
  choices: [
    { id: 'yes', label: { fr: 'Oui', en: 'Yes', ar: 'نعم' } },
    { id: 'no', label: { fr: 'Non', en: 'No', ar: 'لا' } },
  ],
  unit: { fr: 'personnes', ar: 'شخص' },
};

describe('valueLabels', () => {
  it('names choices by their label in the language', () => {
    expect(valueLabels(question, { choices: ['no', 'yes'] }, 'ar', titles)).toEqual(['لا', 'نعم']);
    expect(valueLabels(question, { choices: ['gone'] }, 'fr', titles)).toEqual(['gone']);
  });

  it('gives a number with its unit, objectives and principles by their titles', () => {
    expect(valueLabels(question, { number: 4500 }, 'fr', titles)).toEqual(['4500 personnes']);
    expect(valueLabels({}, { number: 12.5 }, 'fr', titles)).toEqual(['12.5']);
    expect(valueLabels({}, { objectives: [1, 7, 9] }, 'ar', titles)).toEqual([
      '1. جمع البيانات',
      '7. Réduire les vulnérabilités',
      '9',
    ]);
    expect(valueLabels({}, { principles: ['people-centred'] }, 'fr', titles)).toEqual([
      'Priorité à la dimension humaine',
    ]);
  });

  it('says nothing of no value', () => {
    expect(valueLabels(question, null, 'fr', titles)).toEqual([]);
  });
});
