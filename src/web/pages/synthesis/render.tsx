import type { JSONContent } from '@tiptap/core';
import type { ReactNode } from 'react';
import type { Block } from '../../../domain/blocks.js';
import { useLocale } from '../../lib/i18n.js';

/**
 * A synthesis's text read only (the other person's version in a conflict): headings, paragraphs,
 * lists, bold, italic, cited words underlined with their citations' numbers; figures named, not
 * drawn. Headings are drawn one level under the page's title, as in the editor.
 */
export function SynthesisText(props: { doc: JSONContent; numbers: Map<number, number>; language: string }) {
  return (
    <div className="synthesis-text" lang={props.language} dir={props.language === 'ar' ? 'rtl' : 'ltr'}>
      {(props.doc.content ?? []).map((node, i) => (
        <BlockNode key={i} node={node} numbers={props.numbers} />
      ))}
    </div>
  );
}

function BlockNode({ node, numbers }: { node: JSONContent; numbers: Map<number, number> }): ReactNode {
  const { t } = useLocale();
  const inline = () => (node.content ?? []).map((child, i) => <InlineNode key={i} node={child} numbers={numbers} />);
  const children = () => (node.content ?? []).map((child, i) => <BlockNode key={i} node={child} numbers={numbers} />);
  switch (node.type) {
    case 'heading': {
      const H = `h${Math.min(4, Number(node.attrs?.level ?? 1) + 2)}` as 'h3' | 'h4';
      return <H>{inline()}</H>;
    }
    case 'paragraph':
      return <p>{inline()}</p>;
    case 'bulletList':
      return <ul>{children()}</ul>;
    case 'orderedList':
      return <ol start={node.attrs?.start as number | undefined}>{children()}</ol>;
    case 'listItem':
      return <li>{children()}</li>;
    case 'figure':
      return <p className="synthesis-atom-caption">{t('synthesis.figure.named', { question: node.attrs?.code })}</p>;
    case 'objectivesMatrix':
      return <p className="synthesis-atom-caption">{t('figures.matrix.title')}</p>;
    default:
      return null;
  }
}

function InlineNode({ node, numbers }: { node: JSONContent; numbers: Map<number, number> }) {
  if (node.type === 'hardBreak') return <br />;
  let out: ReactNode = node.text ?? '';
  const marks = node.marks ?? [];
  if (marks.some((m) => m.type === 'bold')) out = <strong>{out}</strong>;
  if (marks.some((m) => m.type === 'italic')) out = <em>{out}</em>;
  const cited = marks.find((m) => m.type === 'citation')?.attrs?.citations as number[] | undefined;
  if (cited)
    out = (
      <>
        <span className="synthesis-cited">{out}</span>
        <sup className="citation-marker">{cited.map((id) => numbers.get(id) ?? '?').join(',')}</sup>
      </>
    );
  return <>{out}</>;
}

type Position = { block: number[]; start: number; end: number };

/** An answer's blocks with one passage highlighted (`<mark>`), each text in its own direction. */
export function QuotedAnswer(props: { blocks: readonly Block[]; position: Position | null; path?: number[] }) {
  const at = props.path ?? [];
  const text = (value: string, path: number[]) => {
    const p = props.position;
    if (!p || p.block.join('.') !== path.join('.') || p.end > value.length) return value;
    return (
      <>
        {value.slice(0, p.start)}
        <mark>{value.slice(p.start, p.end)}</mark>
        {value.slice(p.end)}
      </>
    );
  };
  return (
    <>
      {props.blocks.map((block, i) => {
        if (block.type === 'paragraph')
          return (
            <p key={i} dir="auto">
              {text(block.text, [...at, i])}
            </p>
          );
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={i}>
            {block.items.map((item, j) => (
              <li key={j} dir="auto">
                {text(item.text, [...at, i, j])}
                {item.blocks.length > 0 && (
                  <QuotedAnswer blocks={item.blocks} position={props.position} path={[...at, i, j]} />
                )}
              </li>
            ))}
          </List>
        );
      })}
    </>
  );
}
