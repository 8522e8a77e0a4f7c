import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress-bar.js';

/** A stream that keeps what is written to it, on a terminal or not. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  const out = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { out, written };
}

describe('the CLI progress bar', () => {
  it('redraws one line in place on a terminal, and ends it once', () => {
    const { out, written } = stream(true);
    const bar = progressBar(out);
    bar.update(0, 'queued');
    bar.update(50, 'running');
    bar.update(50, 'running'); // the same state: nothing drawn
    bar.update(100, 'done');
    bar.end();
    expect(written).toEqual([
      `\r[${'░'.repeat(20)}]   0% queued\u001b[K`,
      `\r[${'█'.repeat(10)}${'░'.repeat(10)}]  50% running\u001b[K`,
      `\r[${'█'.repeat(20)}] 100% done\u001b[K`,
      '\n',
    ]);
  });

  it('clears its line before other output, and draws again at the next step', () => {
    const { out, written } = stream(true);
    const bar = progressBar(out);
    bar.update(0, '1/2 a.docx');
    bar.clear();
    bar.update(0, '1/2 a.docx');
    expect(written).toEqual([`\r[${'░'.repeat(20)}]   0% 1/2 a.docx\u001b[K`, '\r\u001b[K', written[0]]);
  });

  it('writes nothing off a terminal, or one line per step when told which', () => {
    const silent = stream(false);
    const bar = progressBar(silent.out);
    bar.update(40, 'running');
    bar.end();
    expect(silent.written).toEqual([]);
    const logged = stream(false);
    const lines = progressBar(logged.out, (percent, status) => `export j1: ${status} ${percent}%`);
    lines.update(0, 'running');
    lines.update(0, 'running');
    lines.update(100, 'done');
    lines.end();
    expect(logged.written).toEqual(['export j1: running 0%\n', 'export j1: done 100%\n']);
  });
});
