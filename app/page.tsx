import Link from 'next/link';
import { listArticles } from '@/lib/content/load';

export default function HomePage() {
  const articles = listArticles();
  return (
    <>
      <h1>Articles to read closely</h1>
      <p>Pick an article. Read it, then work through the questions beside it. Check each answer as you go.</p>
      <ul className="article-list">
        {articles.map(({ article, exercise }) => {
          const questions = exercise?.sections.reduce((n, s) => n + s.questions.length, 0) ?? 0;
          return (
            <li key={article.slug} className="article-card">
              <h2>
                <Link href={`/articles/${article.slug}`}>{article.headline}</Link>
              </h2>
              <p className="meta">
                {article.publication}
                {article.readingMinutes ? ` · about ${article.readingMinutes} minutes to read` : ''}
                {questions ? ` · ${questions} questions` : ''}
              </p>
              <p>{article.summary}</p>
              {article.topics.length > 0 && <p className="meta">Practises: {article.topics.join(', ')}</p>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
