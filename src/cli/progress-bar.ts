/** Cells of the bar: 5 % each. */
const CELLS = 20;

export interface ProgressBar {
  /** Shows how far (0–100) and what is being done; the same state again draws nothing. */
  update(percent: number, label: string): void;
  /** Clears the bar's line so that something else can be written; the next update draws it again. */
  clear(): void;
  /** Leaves the last state on screen and ends its line. */
  end(): void;
}

/**
 * The CLI's one progress bar (several files imported, a PDF exported). On a terminal, one line
 * redrawn in place: « [██████████░░░░░░░░░░]  50% label ». Elsewhere (a log, a pipe) a bar would
 * be noise: nothing is written, unless `offTerminal` says what line to write for each new state.
 */
export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
  offTerminal?: (percent: number, label: string) => string,
): ProgressBar {
  const tty = stream.isTTY === true;
  let shown = '';
  return {
    update(percent, label) {
      const state = `${percent} ${label}`;
      if (state === shown) return;
      shown = state;
      if (tty) {
        const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * CELLS);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(CELLS - filled)}`;
        // \u001b[K erases what a longer label left on the line.
        stream.write(`\r[${bar}] ${String(percent).padStart(3)}% ${label.slice(-40)}\u001b[K`);
      } else if (offTerminal) stream.write(`${offTerminal(percent, label)}\n`);
    },
    clear() {
      if (tty && shown !== '') stream.write('\r\u001b[K');
      shown = '';
    },
    end() {
      if (tty && shown !== '') stream.write('\n');
      shown = '';
    },
  };
}
