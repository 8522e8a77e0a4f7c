/**
 * HTML written by Pacte — server pages, the printable review, search snippets, the PDF's running
 * header — is built with these, so stored text is always inert wherever it is shown.
 */

/** Escapes text for HTML content and attribute values (quoted with " or '), as numeric references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** HTML already escaped or built: the `html` tag inserts it as is. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}
type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** A tagged template whose interpolations are escaped unless they are `Html` already. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? render(parts[i] as Part) : ''), ''));
}
