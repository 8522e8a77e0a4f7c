import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  draftOf,
  KEY,
  keyFrom,
  keysOf,
  newValue,
  valuesInUse,
} from '../../src/web/pages/regional/code-draft.js';
import type { CodeDetail } from '../../src/web/lib/types.js';

/** The code form's draft (pages/regional/code-form.tsx): keys made as the API accepts them, the body sent. */
describe('the code form’s draft', () => {
  it('makes a key from a French label that the API accepts, and no other value has', () => {
    expect(keyFrom('Mécanisme existant', new Set())).toBe('mecanisme_existant');
    expect(keyFrom('  Œuvre « sociale » !', new Set())).toBe('oeuvre_sociale');
    expect(keyFrom('مؤسسة', new Set())).toBe('value');
    expect(keyFrom('Aucun', new Set(['aucun', 'aucun-2']))).toBe('aucun-3');
    for (const label of ['Mécanisme existant', 'Ministère chef de file', 'a'.repeat(200), '—']) {
      expect(KEY.test(keyFrom(label, new Set()))).toBe(true);
    }
  });

  it('keeps a key given, and makes distinct ones for values whose French labels are alike', () => {
    const values = [1, 2, 3].map(newValue);
    values[0]!.labels.fr = 'Commune';
    values[1]!.labels.fr = 'Commune';
    values[2]!.key = 'commune';
    expect([...keysOf(values).values()]).toEqual(['commune-2', 'commune-3', 'commune']);
  });

  it('sends trimmed names and labels, and cue phrases one per non-empty line', () => {
    const draft = draftOf(null);
    draft.questionId = 'IV.b';
    draft.kind = 'multiple';
    draft.names = { fr: ' Acteurs ', en: 'Actors', ar: 'الجهات' };
    draft.values[0]!.labels = { fr: 'Ministère', en: 'Ministry', ar: 'الوزارة' };
    draft.values[0]!.cues.fr = 'ministère fictif\n\n  chef de file  \n';
    draft.values[1]!.labels = { fr: 'Commune', en: 'Municipality', ar: 'البلدية' };
    const body = bodyOf(draft, true);
    expect(body).toMatchObject({ questionId: 'IV.b', kind: 'multiple', names: { fr: 'Acteurs' } });
    expect(body.values[0]).toEqual({
      key: 'ministere',
      labels: { fr: 'Ministère', en: 'Ministry', ar: 'الوزارة' },
      cues: { fr: ['ministère fictif', 'chef de file'], en: [], ar: [] },
    });
    expect('questionId' in bodyOf(draft, false)).toBe(false);
  });

  it('counts the countries whose answers are confirmed with each value, not suggested or rejected ones', () => {
    const coding = (state: string, values: string[]) => ({ coding: { state, values } });
    const detail = {
      countries: [
        coding('confirmed', ['a', 'b']),
        coding('confirmed', ['a']),
        coding('suggested', ['c']),
        { coding: null },
      ],
    } as unknown as CodeDetail;
    expect(Object.fromEntries(valuesInUse(detail))).toEqual({ a: 2, b: 1 });
  });
});
