import type { PublicSection } from '@/lib/content/public';
import { QuestionCard } from './question-card';

/** The exercise's sections in order, questions numbered across the whole exercise (self-study and classroom alike). */
export function ExerciseSections({ sections, paragraphs }: { sections: PublicSection[]; paragraphs: string[] }) {
  let n = 0;
  return (
    <>
      {sections.map((s) => (
        <section className="section" key={s.id} aria-labelledby={`section-${s.id}`}>
          <h3 id={`section-${s.id}`}>{s.title}</h3>
          {s.intro && <p className="section__intro">{s.intro}</p>}
          {s.questions.map((q) => (
            <QuestionCard key={q.id} question={q} number={++n} paragraphs={paragraphs} />
          ))}
        </section>
      ))}
    </>
  );
}
