/// <reference lib="dom" />
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../src/documents/export-pdf.js';

/**
 * Browser tests: the built `pacte serve --demo` in a child process, and Debian's Chromium
 * driven by playwright-core. Nothing is downloaded; a missing piece stops the run with the
 * command that installs it (npm test does both).
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESULTS_DIR = join(ROOT, 'test-results');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** An account `serve --demo` created, with the password it printed (new at every start). */
export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

export interface PacteServer {
  url: string;
  /** The demo accounts, as listed on stdout after "demo accounts". */
  accounts: DemoAccount[];
  stop(): Promise<void>;
}

/** The lines `    focal_point  focal.point.mar@demo.pacte.local  <password>` after "demo accounts". */
export function demoAccounts(output: string): DemoAccount[] {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.includes('demo accounts'));
  if (start < 0) return [];
  const accounts: DemoAccount[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+(\S+)\s+(\S+@\S+)\s+(\S+)\s*$/.exec(line);
    if (!match) break;
    accounts.push({ role: match[1]!, email: match[2]!, password: match[3]! });
  }
  return accounts;
}

/**
 * Starts `pacte serve --demo` on a free port with a fresh embedded database, waits for /healthz
 * and for the start-up message (which lists the demo accounts). The fictional demo region (and its
 * secretariat and focal-point accounts) only with `region: true`: generating it takes a minute on
 * two cores, so it is generated once per build and day into a template directory that each server
 * starts from a copy of (`serve --demo` finds the region and the seed there and only prints new
 * passwords). Each test file still gets a database of its own.
 */
export async function startPacte(options: { region?: boolean } = {}): Promise<PacteServer> {
  if (!existsSync(join(ROOT, 'dist/cli/run.js'))) {
    throw new Error('Pacte is not built: run "npx tsc -p tsconfig.build.json" (npm test builds it)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pacte-e2e-'));
  if (options.region) cpSync(await regionTemplate(), dataDir, { recursive: true });
  try {
    const server = await serveDemo(dataDir, options.region ?? false);
    return {
      ...server,
      stop: async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The data directory of a demo with its region, made once for what shapes it: the built server,
 * the migrations, the catalogue and the demo data, and the day (the demo's deadlines are relative
 * to today). Made aside and renamed into place, so a directory found is always complete.
 */
async function regionTemplate(): Promise<string> {
  const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10));
  for (const folder of ['dist', 'migrations', 'catalogue', 'demo']) {
    for (const file of readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).sort()) {
      const stat = statSync(join(ROOT, folder, file));
      if (stat.isFile()) hash.update(`${folder}/${file}:${stat.size}:${stat.mtimeMs}\n`);
    }
  }
  const template = join(tmpdir(), `pacte-e2e-region-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(template)) return template;
  const making = mkdtempSync(join(tmpdir(), 'pacte-e2e-making-'));
  try {
    await (await serveDemo(making, true)).stop();
    renameSync(making, template);
  } catch (error) {
    rmSync(making, { recursive: true, force: true });
    // Another test process made it meanwhile: use theirs.
    if (!existsSync(template)) throw error;
  }
  for (const old of readdirSync(tmpdir())) {
    if (old.startsWith('pacte-e2e-region-') && join(tmpdir(), old) !== template) {
      rmSync(join(tmpdir(), old), { recursive: true, force: true });
    }
  }
  return template;
}

const STOP_WITHIN_MS = 20_000;

/** `pacte serve --demo` on `dataDir`, once it answers; `stop` ends the process and keeps the directory. */
async function serveDemo(dataDir: string, region: boolean): Promise<PacteServer> {
  const port = await freePort();
  // The embedded database in dataDir, whatever the caller's environment says.
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'PACTE_PORT', 'PACTE_HOST', 'PACTE_DATA_DIR', 'PACTE_LANG']) delete env[name];
  // The start-up message in English, whatever LANG says: demoAccounts() and the wait below read it.
  env.PACTE_LANG = 'en';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'bin/pacte.js',
      'serve',
      '--demo',
      ...(region ? [] : ['--no-demo-region']),
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  // A server that does not end on SIGTERM (a request it still waits for) is said, and killed:
  // the test's own checks are done by then, and its timeout would not say why it waited.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const late = setTimeout(() => {
        process.stderr.write(`pacte serve on ${url} still running ${STOP_WITHIN_MS / 1000} s after SIGTERM: killed\n`);
        child.kill('SIGKILL');
      }, STOP_WITHIN_MS);
      await exited;
      clearTimeout(late);
    }
  };

  // Bounded by the hook timeout; the demo import takes a few seconds on two cores, the region a minute.
  const deadline = Date.now() + (region ? 240_000 : 100_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`pacte serve exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      // The message is written right after listening; it may reach us just after /healthz answers.
      if (response.ok && output.includes('Stop with Ctrl+C')) return { url, accounts: demoAccounts(output), stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`pacte serve did not answer /healthz:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-core (npm test does it)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Where a screenshot goes: test-results/NAME.png (gitignored), to look at. */
export function resultPath(name: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return join(RESULTS_DIR, `${name}.png`);
}

/** A screenshot of the viewport (or the full page) in test-results/. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  const path = resultPath(name);
  await page.screenshot({ path, fullPage });
  return path;
}

/** The two screens every page is checked on: a laptop, and a 390 px phone. */
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * A page in a fresh browser context (its own cookies), signed in to the app as `who` through the
 * sign-in form, in `lang`. `contexts` collects the context for the test file to close.
 */
export async function signedInPage(
  browser: Browser,
  server: PacteServer,
  who: { email: string; password: string },
  lang: string,
  options: { contexts?: BrowserContext[]; acceptDownloads?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: options.acceptDownloads ?? false });
  options.contexts?.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000); // two cores shared with the rest of the suite: waits, not thresholds
  await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('main button[type=submit]');
  await page.locator('.account-bar', { hasText: who.email }).waitFor();
  return page;
}

/**
 * What every page of a story must pass: the reader's direction, no serious axe violation, and on
 * a 390 px phone nothing wider than the screen; full-page screenshots of both (`name`-lang-desktop
 * and -phone in test-results/) to look at. The page is left at the size it had.
 */
export async function checkPage(page: Page, name: string, lang: string): Promise<void> {
  expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await seriousViolations(page), name).toEqual([]);
  await page.evaluate(() => document.fonts.ready);
  const size = page.viewportSize() ?? DESKTOP;
  await screenshot(page, `${name}-${lang}-desktop`, true);
  await page.setViewportSize(PHONE);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `${name} at 390 px`).toBeLessThanOrEqual(widths.client);
  expect(await elementsOutsideViewport(page), name).toEqual([]);
  await screenshot(page, `${name}-${lang}-phone`, true);
  await page.setViewportSize(size);
}

/** axe-core's violations that matter most (serious or critical), as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  // A run that checked nothing would pass anything: make sure axe really looked at the page.
  if (results.passes.length === 0) throw new Error(`axe-core ran no check on ${page.url()}`);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}

/**
 * Elements that stick out of the viewport sideways. scrollWidth alone misses some: in an RTL
 * page, LTR content that overflows to the right is clipped (unreachable), not scrollable.
 * The skip link is off-screen on purpose; a table may scroll inside its own `.table-wrap`.
 */
export async function elementsOutsideViewport(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => !el.closest('.skip-link, .table-wrap > *'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.left < -1 || box.right > window.innerWidth + 1);
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${el.className}` : ''}`),
  );
}

/**
 * Writes in a block editor (the contenteditable with id `id`) as a user would: its text selected
 * with Ctrl+A (or, with `append`, the cursor put at its end on a new paragraph), then `text`
 * pasted as plain text, as Chromium does on Ctrl+V. Lines are paragraphs; "- " and "1. " start
 * items, two spaces of indentation per nesting level (the paste filter reads typed lists).
 */
export async function typeInEditor(page: Page, id: string, text: string, options: { append?: boolean } = {}) {
  const editor = page.locator(`[id="${id}"][contenteditable=true]`);
  await editor.focus();
  if (options.append) {
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    // A new item when the text ends with a list: Enter on an empty item goes up a level, then out.
    const inItem = () =>
      editor.evaluate(() => {
        const node = getSelection()?.anchorNode;
        return Boolean((node instanceof Element ? node : node?.parentElement)?.closest('li'));
      });
    for (let level = 0; level < 8 && (await inItem()); level++) await page.keyboard.press('Enter');
  } else {
    await page.keyboard.press('Control+a');
  }
  await editor.evaluate((el, plain) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', plain);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** The web app (/app/) is built by Vite into dist/web; npm test builds it when its sources change. */
export function requireWebBuild(): void {
  if (!existsSync(join(ROOT, 'dist/web/index.html'))) {
    throw new Error('the web app is not built: run "npx vite build" (npm test and npm start build it)');
  }
}

/** Signs a demo account in over the API; returns the headers of an API client acting as it. */
export async function apiAs(server: PacteServer, role: string): Promise<Record<string, string>> {
  const account = server.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`the demo printed no ${role} account`);
  return { authorization: `Bearer ${await signInToken(server, account.email, account.password)}` };
}

/**
 * A request the server never answers (a request stuck on the database, say) would otherwise wait
 * for Node's five-minute header timeout, and the test would end on its own timeout without
 * saying which request: a bound a working server never nears, and the request named.
 */
const ANSWER_WITHIN_MS = 60_000;
const named = (what: string) => (error: unknown) => {
  throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
};

/** Signs an account in over the API: the bearer token of its session. */
export async function signInToken(server: PacteServer, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  }).catch(named(`sign-in of ${email}`));
  if (!response.ok) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** An account `serve --demo` printed, by e-mail address. */
export function demoAccount(server: PacteServer, email: string): DemoAccount {
  const found = server.accounts.find((a) => a.email === email);
  if (!found) throw new Error(`serve --demo listed no ${email}: ${JSON.stringify(server.accounts)}`);
  return found;
}

/**
 * One call of the API (`path` after /api/v1) as the bearer of `token` (none: signed out), JSON in
 * and out; a refusal throws with its status and body. Browser tests read state back with it.
 */
export async function callApi<T>(
  server: PacteServer,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  }).catch(named(`${method} ${path}`));
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/**
 * Publishes the demo review as the demo administrator would (the public reads published
 * reviews only; the demo starts as Morocco's draft).
 */
export async function publishDemoReview(server: PacteServer): Promise<void> {
  const moved = await fetch(`${server.url}/api/v1/reviews/MAR/arab-2021/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await apiAs(server, 'admin')) },
    body: JSON.stringify({ to: 'published' }),
  });
  if (!moved.ok) throw new Error(`publishing the demo review failed: ${moved.status} ${await moved.text()}`);
}
