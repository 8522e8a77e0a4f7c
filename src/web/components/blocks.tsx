import type { Block } from '../../domain/blocks.js';

/**
 * Answer text: paragraphs and nested lists. The whole text takes the direction of its own
 * language (a French answer in the Arabic interface stays left to right, an Arabic contribution
 * in a French review right to left), each list and each text too.
 *
 * `dir="auto"` on the wrapper would not do: the browser looks only at text that is not inside an
 * element with its own `dir`, and every paragraph and item has one, so it found nothing and fell
 * back to left to right — Arabic lists had their bullets and indentation on the wrong side.
 */
export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <div dir={directionOf(blocks)} className="answer-text">
      <BlockList blocks={blocks} />
    </div>
  );
}

function BlockList({ blocks }: { blocks: readonly Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.type === 'paragraph')
          return (
            <p key={i} dir="auto">
              {block.text}
            </p>
          );
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={i} dir={directionOf([block])}>
            <Items items={block.items} />
          </List>
        );
      })}
    </>
  );
}

function Items({ items }: { items: readonly { text: string; blocks: Block[] }[] }) {
  return (
    <>
      {items.map((item, i) => (
        <li key={i}>
          <span dir="auto">{item.text}</span>
          {item.blocks.length > 0 && <BlockList blocks={item.blocks} />}
        </li>
      ))}
    </>
  );
}

const LETTER = /\p{L}/u;
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/** The direction of the first letter of the text, as `dir="auto"` decides it; undefined without letters. */
function textDirection(text: string): 'ltr' | 'rtl' | undefined {
  const letter = LETTER.exec(text)?.[0];
  if (!letter) return undefined;
  return RIGHT_TO_LEFT.test(letter) ? 'rtl' : 'ltr';
}

/** The direction of blocks: that of their first text with a letter, in reading order. */
export function directionOf(blocks: readonly Block[]): 'ltr' | 'rtl' | undefined {
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      const found = textDirection(block.text);
      if (found) return found;
      continue;
    }
    for (const item of block.items) {
      const found = textDirection(item.text) ?? directionOf(item.blocks);
      if (found) return found;
    }
  }
  return undefined;
}
