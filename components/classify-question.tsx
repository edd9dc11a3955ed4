'use client';
import type { ClassifyAnswer } from '@/lib/grading/answers';

interface Props {
  questionId: string;
  categories: { id: string; label: string }[];
  items: { id: string; text: string }[];
  value: ClassifyAnswer | undefined;
  onChange: (answer: ClassifyAnswer) => void;
}

/**
 * Sorting without dragging: each item is a group of radio buttons, one per
 * category. Arrow keys move within an item, Tab moves to the next item.
 */
export function ClassifyQuestion({ questionId, categories, items, value, onChange }: Props) {
  const assignments = value?.assignments ?? {};
  const sorted = items.filter((i) => assignments[i.id]).length;
  return (
    <div>
      <p className="status" aria-live="polite">
        {sorted} of {items.length} sorted.
      </p>
      {items.map((item, n) => (
        <fieldset key={item.id} className="classify-item">
          <legend>
            <span className="visually-hidden">Statement {n + 1}: </span>
            {item.text}
          </legend>
          <div className="choices">
            {categories.map((c) => (
              <label key={c.id} className="chip">
                <input
                  type="radio"
                  name={`${questionId}-${item.id}`}
                  value={c.id}
                  checked={assignments[item.id] === c.id}
                  onChange={() => onChange({ assignments: { ...assignments, [item.id]: c.id } })}
                />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
