/**
 * A line of a document as handed to the review parser (parseReviewLines). Plain text gives bare
 * lines; a reader that knows the document's structure (Word, OpenDocument) says where paragraphs
 * start and which lines are list items, so the parser need not guess them from the text.
 */
export interface SourceLine {
  text: string;
  /** Set by readers that know the real list structure (Word numbering): level 0 = top, and whether numbered. Plain text leaves it out; markers are then recognised in the text. */
  list?: { level: number; ordered: boolean };
  /** A reader that knows paragraph boundaries sets this: a line without list info that starts a new paragraph is a new paragraph block, not a continuation of the previous item. */
  paragraph?: boolean;
  /** The paragraph's indentation from its start margin (left, or right in right-to-left text), in points, when the reader knows it: lists typed by hand nest by it. */
  indent?: number;
  /** Known only to structured readers: the whole paragraph is bold (how documents set a question's wording apart from its answer). */
  strong?: boolean;
}
