import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReview } from '../../src/documents/read-review.js';
import { PacteError } from '../../src/domain/errors.js';
import { arab2021, docxToPdf, seedReview, writeDocxFixture } from '../support/fixtures.js';
import { seedBytes } from '../support/pacte.js';

/**
 * Feeds the importer 1,200 mutated and malformed files made from real ones (text, DOCX, PDF):
 * every one must end in a result or a PacteError — never a crash, a hang or another exception —
 * and memory must stay bounded. Deterministic: the mutations come from a seeded generator.
 */
let dir: string;
const originals: Record<string, Buffer> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pacte-fuzz-'));
  const docx = await writeDocxFixture(seedReview(), 'table', dir);
  originals.txt = seedBytes();
  originals.docx = readFileSync(docx);
  originals.pdf = readFileSync(docxToPdf(docx, dir));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded generator (mulberry32): the same files on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(original: Buffer, next: () => number): Buffer {
  const bytes = Buffer.from(original);
  const at = () => Math.floor(next() * bytes.length);
  switch (Math.floor(next() * 6)) {
    case 0: // flip bytes here and there
      for (let i = 0; i < 1 + next() * 20; i++) bytes[at()] = Math.floor(next() * 256);
      return bytes;
    case 1: // truncated
      return bytes.subarray(0, at());
    case 2: // a block of garbage in the middle
      return Buffer.concat([
        bytes.subarray(0, at()),
        Buffer.from(Array.from({ length: 64 }, () => Math.floor(next() * 256))),
        bytes.subarray(at()),
      ]);
    case 3: // a slice of the file on its own
      return bytes.subarray(at(), at());
    case 4: // the header kept, the rest zeroed
      return Buffer.concat([bytes.subarray(0, 64), Buffer.alloc(Math.min(bytes.length, 4096))]);
    default: // duplicated halves
      return Buffer.concat([bytes.subarray(0, at()), bytes.subarray(at())]);
  }
}

describe('the importer under malformed input', () => {
  it('answers 1,200 mutated files with a result or a PacteError, with bounded memory', async () => {
    const questionnaire = arab2021();
    const next = random(20260);
    const limits = {
      maxBytes: 50 * 1024 * 1024,
      maxUncompressedBytes: 64 * 1024 * 1024,
      maxEntries: 500,
      toolTimeoutMs: 10_000,
      toolMemoryBytes: 512 * 1024 * 1024,
    };
    const plan: [string, number][] = [
      ['txt', 500],
      ['docx', 500],
      ['pdf', 200],
    ];
    const outcomes = new Map<string, number>();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    for (const [format, count] of plan) {
      for (let i = 0; i < count; i++) {
        const bytes = mutate(originals[format]!, next);
        try {
          const parsed = await readReview(bytes, `fuzz.${format}`, questionnaire, limits);
          expect(Array.isArray(parsed.questions)).toBe(true);
          outcomes.set('result', (outcomes.get('result') ?? 0) + 1);
        } catch (error) {
          if (!(error instanceof PacteError)) {
            throw new Error(`${format} mutation ${i} crashed the importer: ${String(error)}`, { cause: error });
          }
          outcomes.set(error.code, (outcomes.get(error.code) ?? 0) + 1);
        }
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    }
    const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(1200);
    // Both kinds of answer happen: the mutations are neither all harmless nor all fatal.
    expect(outcomes.get('result')).toBeGreaterThan(0);
    expect(outcomes.get('import.corrupt_file')).toBeGreaterThan(0);
    // Bounded memory: far below what inflating or buffering without limits would take.
    expect(peak - rssBefore).toBeLessThan(768 * 1024 * 1024);
    console.log('fuzz outcomes', Object.fromEntries(outcomes));
  }, 600_000);
});
