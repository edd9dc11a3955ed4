import type { Article } from '@/lib/content/schema';

/** The students' neutral introduction, and the content note for teachers (collapsed; not printed). */
export function ReaderNotes({ article }: { article: Article }) {
  return (
    <>
      {article.introduction && (
        <aside className="note" aria-label="Before you read">
          <strong>Before you read.</strong> {article.introduction}
        </aside>
      )}
      {article.contentNote && (
        <details className="note note--teacher">
          <summary>Note for teachers</summary>
          <p>{article.contentNote}</p>
        </details>
      )}
    </>
  );
}
