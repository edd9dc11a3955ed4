'use client';
/**
 * Highlight answers: the student selects words in the article itself, with
 * the mouse or a finger ("Use selected words"), or with the keyboard by
 * choosing a paragraph and its first and last word. Either way the answer is a
 * W3C-style text quote (quote + prefix/suffix + position), painted in the
 * article with the CSS Custom Highlight API so the text itself is untouched.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { HighlightAnswer } from '@/lib/grading/answers';
import { buildArticleText, paragraphAt } from '@/lib/content/article-text';
import { selectionAnswer, wordsOf } from '@/lib/exercise/selection';
import { ARTICLE_BODY_SELECTOR, bodyRangeToDomRange, domRangeToBodyRange, paintHighlight } from '@/lib/exercise/article-dom';

interface Props {
  paragraphs: string[];
  /** Paragraph the keyboard picker starts on (1-based). */
  startParagraph: number;
  maxWords: number;
  value: HighlightAnswer | undefined;
  onChange: (answer: HighlightAnswer | undefined) => void;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

export function HighlightQuestion({ paragraphs, startParagraph, maxWords, value, onChange }: Props) {
  const id = useId();
  const text = useMemo(() => buildArticleText(paragraphs), [paragraphs]);
  const [pending, setPending] = useState<HighlightAnswer | null>(null);
  const [message, setMessage] = useState<string>('');
  const [para, setPara] = useState(Math.min(Math.max(1, startParagraph), paragraphs.length));
  const words = useMemo(() => wordsOf(paragraphs[para - 1] ?? ''), [paragraphs, para]);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const lastSelection = useRef<HighlightAnswer | null>(null);

  // Track the latest selection made inside the article (mouse, touch or shift+arrows).
  useEffect(() => {
    const onChange = () => {
      const sel = document.getSelection();
      const root = document.querySelector(ARTICLE_BODY_SELECTOR);
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !root) return;
      const range = sel.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return;
      const r = domRangeToBodyRange(root, range);
      const ans = r && selectionAnswer(text.body, r.start, r.end);
      if (ans) {
        lastSelection.current = ans;
        setPending(ans);
      }
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [text]);

  // Paint the saved answer in the article.
  useEffect(() => {
    const root = document.querySelector(ARTICLE_BODY_SELECTOR);
    if (!root) return;
    const pos = value?.position;
    const range =
      value && pos !== undefined && text.body.slice(pos, pos + value.quote.length) === value.quote
        ? bodyRangeToDomRange(root, pos, pos + value.quote.length)
        : null;
    paintHighlight('answer-selection', range ? [range] : []);
    return () => paintHighlight('answer-selection', []);
  }, [value, text]);

  const keyboardAnswer = useMemo(() => {
    const a = words[Math.min(from, to)];
    const b = words[Math.max(from, to)];
    if (!a || !b) return null;
    const base = text.paragraphStarts[para - 1] ?? 0;
    return selectionAnswer(text.body, base + a.start, base + b.end);
  }, [words, from, to, para, text]);

  // Preview the keyboard choice in the article while the picker is in use.
  const [pickerOpen, setPickerOpen] = useState(false);
  useEffect(() => {
    const root = document.querySelector(ARTICLE_BODY_SELECTOR);
    if (!root || !pickerOpen) return;
    const pos = keyboardAnswer?.position ?? 0;
    const range = keyboardAnswer ? bodyRangeToDomRange(root, pos, pos + keyboardAnswer.quote.length) : null;
    paintHighlight('pending-selection', range ? [range] : []);
    return () => paintHighlight('pending-selection', []);
  }, [keyboardAnswer, pickerOpen]);

  const use = (ans: HighlightAnswer | null, how: string) => {
    if (!ans) {
      setMessage('First select some words in the article.');
      return;
    }
    onChange(ans);
    const n = wordCount(ans.quote);
    setMessage(`${how}: ${n} word${n === 1 ? '' : 's'} from paragraph ${paragraphAt(text, ans.position ?? 0)}.${n > maxWords ? ` That is more than ${maxWords} words; select fewer.` : ''}`);
  };

  const current = value?.quote ? value : null;
  return (
    <div>
      <p className="status" id={`${id}-how`}>
        Select the words in the article with your mouse or finger, then press “Use selected words”. Or choose them with the
        keyboard below. At most {maxWords} words.
      </p>
      <div className="highlight-box" aria-live="polite">
        {current ? (
          <p style={{ margin: 0 }}>
            Your answer: <q>{current.quote}</q>{' '}
            <span className="status">
              (paragraph {paragraphAt(text, current.position ?? 0)}, {wordCount(current.quote)} word{wordCount(current.quote) === 1 ? '' : 's'})
            </span>
          </p>
        ) : (
          <p style={{ margin: 0 }}>No words chosen yet.</p>
        )}
        {pending && pending.quote !== current?.quote && (
          <p className="highlight-pending" style={{ margin: '0.4rem 0 0' }}>
            Selected in the article: <q>{pending.quote.length > 160 ? pending.quote.slice(0, 160) + '…' : pending.quote}</q>
          </p>
        )}
      </div>
      <div className="question__actions">
        <button type="button" className="btn btn--ghost btn--small" aria-describedby={`${id}-how`} onClick={() => use(lastSelection.current, 'Saved your selection')}>
          Use selected words
        </button>
        {current && (
          <button type="button" className="btn btn--ghost btn--small" onClick={() => { onChange(undefined); setMessage('Selection cleared.'); }}>
            Clear
          </button>
        )}
      </div>
      <p className="status" role="status">{message}</p>
      <details className="keyboard-picker" onToggle={(e) => setPickerOpen(e.currentTarget.open)}>
        <summary>Choose words with the keyboard</summary>
        <div className="picker-grid">
          <div>
            <label className="field" htmlFor={`${id}-para`}>Paragraph</label>
            <select id={`${id}-para`} value={para} onChange={(e) => { setPara(Number(e.currentTarget.value)); setFrom(0); setTo(0); }}>
              {paragraphs.map((_, i) => (
                <option key={i} value={i + 1}>Paragraph {i + 1}</option>
              ))}
            </select>
          </div>
          <div>
            <label className="field" htmlFor={`${id}-from`}>First word</label>
            <select id={`${id}-from`} value={from} onChange={(e) => { const v = Number(e.currentTarget.value); setFrom(v); if (to < v) setTo(v); }}>
              {words.map((w, i) => (
                <option key={i} value={i}>{i + 1}. {w.text}</option>
              ))}
            </select>
          </div>
          <div>
            <label className="field" htmlFor={`${id}-to`}>Last word</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(Number(e.currentTarget.value))}>
              {words.map((w, i) => (
                <option key={i} value={i} disabled={i < from}>{i + 1}. {w.text}</option>
              ))}
            </select>
          </div>
        </div>
        <p className="status">
          Words chosen: <q>{keyboardAnswer?.quote ?? ''}</q>
        </p>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => use(keyboardAnswer, 'Saved the chosen words')}>
          Use these words
        </button>
      </details>
    </div>
  );
}
