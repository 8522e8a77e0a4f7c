import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join as joinPath } from 'node:path';
import { PacteError } from '../../domain/errors.js';

/**
 * Runs pdftotext -bbox-layout (and pdftohtml -xml for the fonts) on a PDF held in memory, within a time and a memory limit, and
 * turns its failures into PacteError codes (tool missing, timeout, password, corrupt file).
 */

export interface PdfReadOptions {
  /** pdftotext is killed after this long. */
  timeoutMs: number;
  /** Address-space limit for pdftotext, in bytes. */
  memoryBytes: number;
}

const TOOL = { tool: 'pdftotext', install: 'apt-get install poppler-utils' };
/** pdftotext's XHTML is about 200 bytes per word: this is some 500 000 words. */
const MAX_OUTPUT_BYTES = 128 * 1024 * 1024;

/** The program's path on PATH, or null when it is not installed. */
export async function findProgram(name: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter)) {
    if (dir === '') continue;
    const path = joinPath(dir, name);
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // not in this directory
    }
  }
  return null;
}

interface ToolFailure {
  code?: number | string | null;
  signal?: string | null;
  killed?: boolean;
  stderr?: string;
}

function run(
  command: string,
  args: string[],
  options: { timeout: number; maxBuffer: number },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        ...options,
        encoding: 'utf8',
        killSignal: 'SIGKILL',
        windowsHide: true,
        env: { ...process.env, LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr }));
        else resolve({ stdout, stderr });
      },
    );
  });
}

export async function runPdftotext(bytes: Uint8Array, file: string, options: PdfReadOptions): Promise<string> {
  return (await runPoppler(bytes, file, options, false)).bbox;
}

/**
 * pdftotext's words with their boxes and, run beside it, pdftohtml's XML, which says which text
 * is bold (how documents set a question's wording apart from its answer). pdftohtml is a help
 * only: when it is missing or fails, its part is null and the words are read all the same.
 */
export async function runPoppler(
  bytes: Uint8Array,
  file: string,
  options: PdfReadOptions,
  withFonts = true,
): Promise<{ bbox: string; fonts: string | null }> {
  const pdftotext = await findProgram('pdftotext');
  if (pdftotext === null) throw new PacteError('import.tool_missing', { file, ...TOOL });
  const pdftohtml = withFonts ? await findProgram('pdftohtml') : null;
  const prlimit = await findProgram('prlimit');
  const dir = await mkdtemp(joinPath(tmpdir(), 'pacte-pdf-'));
  const memory = Math.max(64 * 1024 * 1024, Math.floor(options.memoryBytes));
  // The memory bound applies to the tool itself: prlimit and sh exec it in their place.
  const limited = (program: string, args: string[]): Promise<{ stdout: string }> => {
    const [command, argv] =
      prlimit !== null
        ? [prlimit, [`--as=${memory}`, program, ...args]]
        : ['/bin/sh', ['-c', `ulimit -v ${Math.ceil(memory / 1024)} && exec "$0" "$@"`, program, ...args]];
    return run(command, argv, { timeout: options.timeoutMs, maxBuffer: MAX_OUTPUT_BYTES });
  };
  try {
    const input = joinPath(dir, 'review.pdf');
    await writeFile(input, bytes);
    const fonts =
      pdftohtml === null
        ? Promise.resolve(null)
        : limited(pdftohtml, ['-xml', '-i', '-q', '-zoom', '1', '-stdout', input]).then(
            (r) => r.stdout,
            () => null,
          );
    const { stdout } = await limited(pdftotext, ['-bbox-layout', '-enc', 'UTF-8', input, '-']);
    return { bbox: stdout, fonts: await fonts };
  } catch (error) {
    throw toolError(error as ToolFailure, file, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function toolError(error: ToolFailure, file: string, options: PdfReadOptions): Error {
  if (error instanceof PacteError) return error;
  const stderr = error.stderr ?? '';
  if (error.code === 'ENOENT') return new PacteError('import.tool_missing', { file, ...TOOL }, { cause: error });
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return new PacteError('import.file_too_large', { file, limitBytes: MAX_OUTPUT_BYTES });
  }
  if (error.killed && error.signal === 'SIGKILL') {
    return new PacteError('import.timeout', { file, seconds: Math.round(options.timeoutMs / 1000) }, { cause: error });
  }
  if (/incorrect password|encrypted/iu.test(stderr) || error.code === 3) {
    return new PacteError('import.password_protected', { file, format: 'pdf' }, { cause: error });
  }
  if (/^prlimit:/mu.test(stderr)) return new Error(`prlimit could not run pdftotext: ${stderr}`, { cause: error });
  return new PacteError('import.corrupt_file', { file, format: 'pdf' }, { cause: error });
}
