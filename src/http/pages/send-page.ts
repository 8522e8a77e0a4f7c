import type { FastifyReply } from 'fastify';

/** Pages run no script and load nothing from elsewhere; stored text cannot become markup. */
const CSP =
  "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Sends a server-rendered page with its content security policy. */
export function sendPage(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).header('content-security-policy', CSP).type('text/html; charset=utf-8').send(body);
}
