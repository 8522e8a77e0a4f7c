/**
 * A small, forgiving HTML reader for clipboard HTML, so that the paste filter runs the same in the
 * browser and in Node's unit tests (no DOM at import time). It knows just what office suites put
 * on the clipboard: unclosed <li> and <p> (LibreOffice), unquoted attributes and Word's
 * conditional sections `<![if !supportLists]>…<![endif]>` (also as `<!--[if …]-->` comments),
 * which become `#if` elements so the list marker inside them can be told apart from the text.
 */

export interface HtmlElement {
  name: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source']);
/** Elements whose content is not text to keep (and may hold '<' freely). */
const RAW = new Set(['style', 'script', 'title', 'xml', 'template', 'textarea']);
/** Opening one of these closes an open <p> (the HTML parsing rule LibreOffice relies on). */
const CLOSES_P = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'dl',
  'dd',
  'dt',
]);

const MAX_DEPTH = 200;
const TAG = /<(\/?)([a-zA-Z][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/uy;

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  middot: '·',
  shy: '',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  ugrave: 'ù',
  icirc: 'î',
  iuml: 'ï',
  euml: 'ë',
  oelig: 'œ',
  Eacute: 'É',
  Agrave: 'À',
  Ccedil: 'Ç',
  deg: '°',
  sect: '§',
  para: '¶',
  copy: '©',
  reg: '®',
  euro: '€',
  times: '×',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
};

/** Text with character references replaced; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/giu, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

function readAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu;
  for (const m of source.matchAll(pattern)) {
    attributes[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

/** The document as a tree under a root element named '#root'. Never throws. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { name: '#root', attributes: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack.at(-1)!;
  const open = (element: HtmlElement) => {
    top().children.push(element);
    // Past MAX_DEPTH, content stays in the deepest element (as browsers cap nesting too), so
    // that reading the tree never overflows the call stack.
    if (stack.length < MAX_DEPTH) stack.push(element);
  };
  /** Closes the innermost open `name`, unless a `barrier` element is nearer. */
  const close = (name: string, barriers: readonly string[] = []) => {
    for (let i = stack.length - 1; i > 0; i--) {
      const n = stack[i]!.name;
      if (n === name) {
        stack.length = i;
        return;
      }
      if (barriers.includes(n)) return;
    }
  };

  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) {
      top().children.push(decodeEntities(html.slice(at)));
      break;
    }
    if (lt > at) top().children.push(decodeEntities(html.slice(at, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const body = html.slice(lt + 4, end < 0 ? html.length : end);
      conditional(body.trim());
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<![', lt) || html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
      const end = html.indexOf('>', lt);
      const body = html.slice(lt + 2, end < 0 ? html.length : end);
      conditional(body.trim());
      at = end < 0 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (!tag) {
      top().children.push('<');
      at = lt + 1;
      continue;
    }
    at = lt + tag[0].length;
    const name = tag[2]!.toLowerCase();
    if (tag[1]) {
      if (name === 'li') close('li', ['ul', 'ol']);
      else if (name === 'p') close('p', ['li', 'td', 'th']);
      else close(name);
      continue;
    }
    if (CLOSES_P.has(name)) close('p', ['li', 'td', 'th', 'div']);
    if (name === 'li') close('li', ['ul', 'ol']);
    if (name === 'td' || name === 'th') {
      close('td', ['tr', 'table']);
      close('th', ['tr', 'table']);
    }
    if (name === 'tr') close('tr', ['table']);
    const element: HtmlElement = { name, attributes: readAttributes(tag[3]!), children: [] };
    if (VOID.has(name) || tag[3]!.trimEnd().endsWith('/')) {
      top().children.push(element);
      continue;
    }
    if (RAW.has(name)) {
      // Skip the raw content up to its end tag: CSS and Word's <xml> are not text.
      const closing = new RegExp(`</${name}`, 'giu');
      closing.lastIndex = at;
      const end = closing.exec(html)?.index ?? -1;
      top().children.push(element);
      at = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
      continue;
    }
    open(element);
  }
  return root;

  /** Word's `[if !supportLists]` … `[endif]`: the list marker, kept apart in an `#if` element. */
  function conditional(body: string) {
    const start = /^\[if ([^\]]*)\]$/u.exec(body);
    if (start) open({ name: '#if', attributes: { condition: start[1]! }, children: [] });
    else if (body === '[endif]') close('#if');
  }
}
