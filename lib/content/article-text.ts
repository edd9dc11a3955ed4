/**
 * The article body as one string, the coordinate system for text-quote anchors:
 * paragraphs joined by a blank line ("\n\n"). A selection's `position` and every
 * anchor offset are character offsets into `body`. Safe for client and server.
 */
export interface ArticleText {
  paragraphs: readonly string[];
  /** paragraphs.join("\n\n") */
  body: string;
  /** Offset in `body` where each paragraph starts. */
  paragraphStarts: readonly number[];
}

export const PARAGRAPH_SEPARATOR = '\n\n';

export function buildArticleText(paragraphs: readonly string[]): ArticleText {
  const paragraphStarts: number[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    paragraphStarts.push(offset);
    offset += p.length + PARAGRAPH_SEPARATOR.length;
  }
  return { paragraphs, body: paragraphs.join(PARAGRAPH_SEPARATOR), paragraphStarts };
}

/** 1-based paragraph number that contains body offset `pos` (a separator belongs to the paragraph before it). */
export function paragraphAt(text: ArticleText, pos: number): number {
  let n = 0;
  for (let i = 0; i < text.paragraphStarts.length; i++) {
    if ((text.paragraphStarts[i] ?? Infinity) <= pos) n = i + 1;
    else break;
  }
  return Math.max(1, n);
}
