import type { Block } from '../../domain/blocks.js';

/**
 * Answer text: paragraphs and nested lists. The whole text takes the direction of its own
 * language (a French answer in the Arabic interface stays left to right), each text too.
 */
export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <div dir="auto" className="answer-text">
      <BlockList blocks={blocks} />
    </div>
  );
}

function BlockList({ blocks }: { blocks: readonly Block[] }) {
  return (
    <>
      {blocks.map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i} dir="auto">
            {block.text}
          </p>
        ) : block.ordered ? (
          <ol key={i}>
            <Items items={block.items} />
          </ol>
        ) : (
          <ul key={i}>
            <Items items={block.items} />
          </ul>
        ),
      )}
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
