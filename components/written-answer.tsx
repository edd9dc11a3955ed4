'use client';
import { useId } from 'react';
import type { TextAnswer } from '@/lib/grading/answers';

interface Props {
  label: string;
  multiline: boolean;
  maxLength: number;
  value: TextAnswer | undefined;
  onChange: (answer: TextAnswer) => void;
}

/**
 * A `short` (one line) or `text` (paragraph) answer with a live character
 * count. Text over the limit is kept, never cut off, and the count says how
 * much to shorten: a big paste loses nothing.
 */
export function WrittenAnswer({ label, multiline, maxLength, value, onChange }: Props) {
  const id = useId();
  const text = value?.text ?? '';
  const over = text.length - maxLength;
  const countId = `${id}-count`;
  return (
    <div>
      <label className="field" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea id={id} value={text} rows={5} aria-describedby={countId} aria-invalid={over > 0 || undefined} onChange={(e) => onChange({ text: e.currentTarget.value })} className="answer-on-screen" />
      ) : (
        <input id={id} type="text" value={text} aria-describedby={countId} aria-invalid={over > 0 || undefined} autoComplete="off" onChange={(e) => onChange({ text: e.currentTarget.value })} />
      )}
      {multiline &&
        (text.trim() ? (
          <div className="print-only print-answer">{text}</div>
        ) : (
          <span className="print-only print-lines" aria-hidden="true" />
        ))}
      <p id={countId} className={over > 0 ? 'counter counter--over' : 'counter'} aria-live={over > 0 ? 'polite' : 'off'}>
        {text.length.toLocaleString('en')} / {maxLength.toLocaleString('en')} characters
        {over > 0 && ` — ${over.toLocaleString('en')} over the limit. Shorten your answer to check it.`}
      </p>
    </div>
  );
}
