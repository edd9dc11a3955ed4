import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getReaderData, readerSlugs } from '@/lib/content/reader';
import { ArticleView } from '@/components/article-view';
import { ReaderNotes } from '@/components/reader-notes';
import { ExerciseProvider } from '@/components/exercise-provider';
import { ExerciseView } from '@/components/exercise-view';

export const dynamicParams = false;

export function generateStaticParams() {
  return readerSlugs().map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: PageProps<'/articles/[slug]'>): Promise<Metadata> {
  const { slug } = await params;
  const data = getReaderData(slug);
  return data ? { title: data.article.headline, description: data.article.summary } : {};
}

export default async function ReaderPage({ params }: PageProps<'/articles/[slug]'>) {
  const { slug } = await params;
  const data = getReaderData(slug);
  if (!data) notFound();
  const { article, exercise } = data;
  const body = (
    <div className="reader">
      <div className="reader__article" tabIndex={0} role="region" aria-label="Article text">
        {exercise && (
          <p className="jump-link no-print">
            <a href="#exercise-title">Skip to the questions</a>
          </p>
        )}
        <ReaderNotes article={article} />
        <ArticleView article={article} />
      </div>
      {exercise && (
        <div className="reader__questions">
          <ExerciseView exercise={exercise} paragraphs={article.paragraphs} />
        </div>
      )}
    </div>
  );
  return exercise ? <ExerciseProvider exerciseId={exercise.id}>{body}</ExerciseProvider> : body;
}
