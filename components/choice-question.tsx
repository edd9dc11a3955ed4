'use client';
import type { ChoiceAnswer } from '@/lib/grading/answers';

interface Props {
  questionId: string;
  legend: string;
  multiple: boolean;
  options: { id: string; text: string }[];
  value: ChoiceAnswer | undefined;
  onChange: (answer: ChoiceAnswer) => void;
}

/** Single choice (radio buttons) or multiple choice (checkboxes): native inputs, so keyboard and screen readers just work. */
export function ChoiceQuestion({ questionId, legend, multiple, options, value, onChange }: Props) {
  const chosen = new Set(value?.choice ?? []);
  const toggle = (id: string, on: boolean) => {
    if (!multiple) return onChange({ choice: [id] });
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange({ choice: options.map((o) => o.id).filter((o) => next.has(o)) });
  };
  return (
    <fieldset>
      <legend className="visually-hidden">{legend}</legend>
      {multiple && <p className="status">Select all that apply.</p>}
      <div className="options">
        {options.map((o) => (
          <label key={o.id} className="option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={`${questionId}-choice`}
              value={o.id}
              checked={chosen.has(o.id)}
              onChange={(e) => toggle(o.id, e.currentTarget.checked)}
            />
            <span>{o.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
