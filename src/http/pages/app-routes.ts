import '@fastify/swagger'; // its `schema.hide` keeps these routes out of the API document
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ROOT } from '../../config.js';
import { requestLanguage } from '../problem.js';
import { html } from '../../domain/html.js';
import { layout } from './html.js';

/** Where Vite builds the web app (vite.config.ts). */
const WEB_DIR = join(ROOT, 'dist/web');

/**
 * The web app runs only its own bundled script and style, talks only to this server, and loads
 * nothing from elsewhere; no inline script or style is allowed.
 */
const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Built files are named by Vite with a content hash (`index-BY0oFIub.js`): safe to keep for ever. */
const ASSET_NAME = /^[\w-]+\.[a-z0-9]+(\.map)?$/i;

function notBuilt(reply: FastifyReply, language: ReturnType<typeof requestLanguage>) {
  // Said in the three languages: whoever runs the server may not read the browser's one.
  const main = html`<h1>Pacte</h1>
    <p lang="fr">
      L’application web n’est pas construite : lancez <code>npm run build</code> (ou <code>npm start</code>).
    </p>
    <p lang="en">The web app is not built: run <code>npm run build</code> (or <code>npm start</code>).</p>
    <p lang="ar" dir="rtl">
      لم يُبنَ تطبيق الويب بعد: شغّلوا <code dir="ltr">npm run build</code> (أو <code dir="ltr">npm start</code>).
    </p>`;
  return reply
    .status(503)
    .header('content-security-policy', APP_CSP)
    .header('cache-control', 'no-store')
    .header('retry-after', '60')
    .type('text/html; charset=utf-8')
    .send(layout({ language, path: '/app/', title: 'Pacte', main }));
}

/**
 * The web app under /app/: its hashed files under /app/assets/, and index.html for every other
 * path below /app/ so that the app's own routes (/app/reviews/MAR/arab-2021 …) survive a reload.
 * The files are read from dist/web at each request: a rebuild needs no restart.
 */
export function appRoutes(app: FastifyInstance) {
  app.get('/app', { schema: { hide: true } }, (request, reply) => {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return reply.redirect(`/app/${query}`, 301);
  });

  app.get<{ Params: { file: string } }>('/app/assets/:file', { schema: { hide: true } }, (request, reply) => {
    const { file } = request.params;
    const path = join(WEB_DIR, 'assets', file);
    if (!ASSET_NAME.test(file) || !existsSync(path)) {
      return reply.status(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Not found');
    }
    return reply
      .type(TYPES[extname(file)] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(readFileSync(path));
  });

  app.get('/app/*', { schema: { hide: true } }, (request, reply) => {
    const index = join(WEB_DIR, 'index.html');
    if (!existsSync(index)) return notBuilt(reply, requestLanguage(request));
    return reply
      .header('content-security-policy', APP_CSP)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(readFileSync(index));
  });
}
