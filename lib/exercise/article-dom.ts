/**
 * Maps between the rendered article and body offsets (the text-quote
 * coordinate system of lib/content/article-text.ts). Each paragraph is a
 * `<p data-start="N">` whose textContent equals the paragraph text exactly
 * (glossary buttons hold only the term itself), so an offset inside a
 * paragraph is found by walking its text nodes. Browser-only, framework-free.
 */

export const ARTICLE_BODY_SELECTOR = '[data-article-body]';
const PARAGRAPH_SELECTOR = 'p[data-start]';

function textOffset(p: Element, node: Node, offset: number): number {
  // Element boundary: convert child index to the text length before that child.
  if (node.nodeType !== Node.TEXT_NODE) {
    let total = 0;
    const children = Array.from(node.childNodes).slice(0, offset);
    for (const c of children) total += c.textContent?.length ?? 0;
    return node === p ? total : textOffset(p, node, 0) + total;
  }
  let total = 0;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return total + offset;
    total += n.textContent?.length ?? 0;
  }
  return total;
}

function paragraphs(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR));
}

function pStart(p: Element): number {
  return Number(p.getAttribute('data-start') ?? 0);
}

/** Body offsets [start, end) covered by a DOM range within the article, whitespace-trimmed; null if outside. */
export function domRangeToBodyRange(root: Element, range: Range): { start: number; end: number } | null {
  const hit = paragraphs(root).filter((p) => range.intersectsNode(p));
  const first = hit[0];
  const last = hit[hit.length - 1];
  if (!first || !last) return null;
  const start = first.contains(range.startContainer) ? pStart(first) + textOffset(first, range.startContainer, range.startOffset) : pStart(first);
  const end = last.contains(range.endContainer)
    ? pStart(last) + textOffset(last, range.endContainer, range.endOffset)
    : pStart(last) + (last.textContent?.length ?? 0);
  return end > start ? { start, end } : null;
}

/** A DOM Range for body offsets [start, end), for the CSS Custom Highlight API. */
export function bodyRangeToDomRange(root: Element, start: number, end: number): Range | null {
  const locate = (pos: number, isEnd: boolean): [Node, number] | null => {
    const ps = paragraphs(root);
    for (const p of ps) {
      const s = pStart(p);
      const len = p.textContent?.length ?? 0;
      if (pos < s || pos > s + len || (pos === s + len && !isEnd)) continue;
      let rest = pos - s;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let lastText: Node | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const l = n.textContent?.length ?? 0;
        if (rest < l || (isEnd && rest === l)) return [n, rest];
        rest -= l;
        lastText = n;
      }
      if (lastText) return [lastText, lastText.textContent?.length ?? 0];
    }
    return null;
  };
  const a = locate(start, false);
  const b = locate(end, true);
  if (!a || !b) return null;
  const r = document.createRange();
  r.setStart(a[0], a[1]);
  r.setEnd(b[0], b[1]);
  return r;
}

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

/** Paint (or clear) a named highlight without touching the DOM; no-op where unsupported. */
export function paintHighlight(name: string, ranges: Range[]): void {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Ctor = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  if (!css?.highlights || !Ctor) return;
  if (ranges.length === 0) css.highlights.delete(name);
  else css.highlights.set(name, new Ctor(...ranges));
}
