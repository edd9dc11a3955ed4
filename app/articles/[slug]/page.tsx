import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getReaderData, readerSlugs } from '@/lib/content/reader';
import { ReaderLayout } from '@/components/reader-layout';
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
    <ReaderLayout article={article}>
      {exercise && <ExerciseView exercise={exercise} paragraphs={article.paragraphs} />}
    </ReaderLayout>
  );
  return exercise ? <ExerciseProvider exerciseId={exercise.id}>{body}</ExerciseProvider> : body;
}
