import type { FastifyReply } from 'fastify';

/** Content-Disposition of a download: an ASCII fallback name and the exact one (RFC 5987/6266). */
export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/gu, '_');
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/**
 * Sends a file as a download. Nothing in it may run if a browser shows it anyway: a sandboxing
 * CSP (inline styles allowed, for the printable HTML export) and no MIME sniffing. Private and
 * uncached unless `cache` says otherwise (open data is public).
 */
export function sendDownload(
  reply: FastifyReply,
  file: { bytes: Buffer | Uint8Array; fileName: string; mediaType: string },
  cache = 'private, no-store',
) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachment(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .header('cache-control', cache)
    .send(Buffer.from(file.bytes));
}
