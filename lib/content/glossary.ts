/**
 * Finds where glossary terms are marked in the article: the first occurrence
 * of each entry (any of its forms, whole words, any case) in reading order.
 * Marking every occurrence would clutter the text; the full glossary is also
 * listed after the article. Returns segments whose texts concatenate back to
 * the paragraph exactly, so text-quote offsets are unaffected.
 */
import type { GlossaryEntry } from './schema';

export type Segment = { text: string; term?: undefined } | { text: string; term: string };

export function glossaryId(term: string): string {
  return 'gloss-' + term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function markGlossary(paragraphs: readonly string[], glossary: readonly GlossaryEntry[]): Segment[][] {
  // Candidate hits: for each entry, its earliest occurrence (paragraph, offset), longest form first at a tie.
  type Hit = { p: number; start: number; end: number; term: string };
  const hits: Hit[] = [];
  for (const entry of glossary) {
    const forms = [...entry.forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.join('|')})(?![\\p{L}\\p{N}-])`, 'iu');
    for (let p = 0; p < paragraphs.length; p++) {
      const m = re.exec(paragraphs[p] ?? '');
      if (m) {
        hits.push({ p, start: m.index, end: m.index + m[0].length, term: entry.term });
        break;
      }
    }
  }
  return paragraphs.map((text, p) => {
    const mine = hits.filter((h) => h.p === p).sort((a, b) => a.start - b.start);
    const out: Segment[] = [];
    let at = 0;
    for (const h of mine) {
      if (h.start < at) continue; // overlapping terms: keep the earlier one
      if (h.start > at) out.push({ text: text.slice(at, h.start) });
      out.push({ text: text.slice(h.start, h.end), term: h.term });
      at = h.end;
    }
    if (at < text.length) out.push({ text: text.slice(at) });
    return out;
  });
}
