import type { Article } from '@/lib/content/schema';
import { ArticleView } from './article-view';
import { ReaderNotes } from './reader-notes';

/**
 * The reader's two columns, shared by self-study, a student's attempt and the
 * teacher's preview: the article (with the students' introduction and the
 * teachers' note) and, beside it or below it on a phone, the questions.
 */
export function ReaderLayout({ article, children }: { article: Article; children?: React.ReactNode }) {
  return (
    <div className="reader">
      <div className="reader__article" tabIndex={0} role="region" aria-label="Article text">
        {children && (
          <p className="jump-link no-print">
            <a href="#exercise-title">Skip to the questions</a>
          </p>
        )}
        <ReaderNotes article={article} />
        <ArticleView article={article} />
      </div>
      {children && <div className="reader__questions">{children}</div>}
    </div>
  );
}
