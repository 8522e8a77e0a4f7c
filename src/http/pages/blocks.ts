import type { Block } from '../../domain/blocks.js';
import type { Fact } from '../../domain/facts.js';
import { direction, type Language } from '../../domain/language.js';
import { html, type Html } from '../../domain/html.js';

/**
 * An answer as pages show it: its text in its own language and direction, the figures it
 * quotes highlighted; the frame around it (.answer) follows the page's direction.
 */
export function renderAnswer(blocks: readonly Block[], language: Language, facts: readonly Fact[] = []): Html {
  return html`<div class="answer-text" lang="${language}" dir="${direction(language)}">
    ${renderBlocks(blocks, facts)}
  </div>`;
}

/**
 * An answer's blocks as HTML. `facts` (optional) are highlighted where their position says,
 * which is what the block paths and offsets of a fact are for. Text stays escaped.
 */
export function renderBlocks(blocks: readonly Block[], facts: readonly Fact[] = [], path: number[] = []): Html[] {
  return blocks.map((block, i) => {
    if (block.type === 'paragraph') return html`<p dir="auto">${highlight(block.text, facts, [...path, i])}</p>`;
    const entries = block.items.map(
      (item, j) =>
        html`<li dir="auto">
          ${highlight(item.text, facts, [...path, i, j])}${renderBlocks(item.blocks, facts, [...path, i, j])}
        </li>`,
    );
    return block.ordered
      ? html`<ol>
          ${entries}
        </ol>`
      : html`<ul>
          ${entries}
        </ul>`;
  });
}

function highlight(text: string, facts: readonly Fact[], path: number[]): (Html | string)[] {
  const here = facts
    .filter((f) => f.position.block.length === path.length && f.position.block.every((n, k) => n === path[k]))
    .sort((a, b) => a.position.start - b.position.start);
  const parts: (Html | string)[] = [];
  let at = 0;
  for (const fact of here) {
    const { start, end } = fact.position;
    if (start < at || end > text.length) continue; // overlapping or stale: show the text plainly
    parts.push(text.slice(at, start), html`<mark class="fact">${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
