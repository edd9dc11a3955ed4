import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/guards';
import { reviewPage } from '@/lib/db/review';
import { formatScore, reviewReasonText } from '@/lib/classroom/scoring';
import { ReviewAnswer } from '@/components/review-answer';
import { ReviewForm } from '@/components/review-form';
import { LocalTime } from '@/components/class-local-time';
import { saveReviewAction } from './actions';
import './teacher-review.css';

export const metadata: Metadata = { title: 'Review answers' };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function ReviewPage({ params, searchParams }: PageProps<'/teacher/assignments/[id]/review'>) {
  const { id } = await params;
  const sp = await searchParams;
  const teacherId = await requireTeacher(`/teacher/assignments/${id}/review`);
  const page = await reviewPage(teacherId, id, one(sp.r), one(sp.back));
  if (!page) notFound();
  const { assignment: a, item } = page;
  const href = (key: string | null) => (key ? `/teacher/assignments/${a.id}/review?r=${encodeURIComponent(key)}` : null);
  // Pin the first response in the URL: saving reorders the queue, and the page must keep showing this answer.
  if (!one(sp.r) && item) redirect(href(item.key)!);

  return (
    <div className="review-page">
      <p className="breadcrumb">
        <Link href="/teacher">Your classes</Link> › <Link href={`/teacher/classes/${a.classId}`}>{a.className}</Link> ›{' '}
        <Link href={`/teacher/assignments/${a.id}`}>{a.title}</Link> › Review
      </p>
      <h1>Review answers: {a.title}</h1>
      {!item ? (
        <p className="note">No answers yet. Answers appear here as soon as students save them.</p>
      ) : (
        <>
          <p className="review-position">
            <strong>
              Response {page.position} of {page.total}
            </strong>
            {' · '}
            {page.pending === 0 ? 'No flagged answers left to review.' : `${page.pending} flagged ${page.pending === 1 ? 'answer still needs' : 'answers still need'} review (they come first).`}
          </p>
          <p className="review-keys" id="review-keys">
            Keyboard shortcuts (when you are not typing in a field): <kbd>J</kbd> or <kbd>N</kbd> next, <kbd>K</kbd> or <kbd>P</kbd> previous,{' '}
            <kbd>S</kbd> save. Arrow keys move between the scores of a criterion.
          </p>

          <article className="review-item question" aria-labelledby="review-item-title">
            <h2 id="review-item-title">
              {item.studentName} — Question {item.questionNumber}
            </h2>
            <p className="meta">
              {item.sectionTitle} · {item.question.points} {item.question.points === 1 ? 'point' : 'points'} ·{' '}
              {item.attemptStatus === 'submitted' && item.submittedAt ? (
                <>
                  submitted <LocalTime iso={item.submittedAt} />
                </>
              ) : (
                'still in progress'
              )}{' '}
              · answer saved <LocalTime iso={item.savedAt} />
            </p>
            <p className="question__prompt">{item.question.prompt}</p>

            <h3>Student’s answer</h3>
            <ReviewAnswer question={item.question} answer={item.answer} auto={item.auto} />
            {item.changedSinceReview && (
              <p className="note" role="note">
                <span aria-hidden="true">⚑ </span>The student changed this answer after your review. Check your scores again.
              </p>
            )}

            <h3>Automatic check</h3>
            {item.auto ? (
              <div className="review-engine">
                <p>
                  <strong>
                    Automatic score: {formatScore(item.auto.score)}/{formatScore(item.auto.maxScore)}
                  </strong>
                  {item.effective.adjusted && <> · counts as <strong>{item.effective.text}</strong></>}
                </p>
                {item.auto.needsReview && (
                  <div className="review-flag">
                    <p>
                      <span aria-hidden="true">⚑ </span>
                      <strong>Needs your review</strong>
                      {item.auto.reviewReasons.length > 0 ? ': the answer' : '.'}
                    </p>
                    {item.auto.reviewReasons.length > 0 && (
                      <ul>
                        {item.auto.reviewReasons.map((r) => (
                          <li key={r}>{reviewReasonText(r)}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                )}
                {item.auto.feedback.length > 0 && (
                  <details>
                    <summary>What the student was told</summary>
                    {item.auto.feedback.map((f, i) => (
                      <p key={i}>{f}</p>
                    ))}
                  </details>
                )}
              </div>
            ) : (
              <p>This answer has no automatic grade.</p>
            )}

            <h3>Your review</h3>
            {item.teacherUpdatedAt && (
              <p className="meta">
                Last saved <LocalTime iso={item.teacherUpdatedAt} />.
              </p>
            )}
            <ReviewForm
              key={item.key}
              assignmentId={a.id}
              attemptId={item.attemptId}
              questionId={item.questionId}
              responseKey={item.key}
              maxScore={item.effective.maxScore}
              autoScore={item.effective.autoScore}
              criteria={item.criteria.map((c) => ({ id: c.id, label: c.label, maxScore: c.maxScore, autoScore: c.autoScore, feedback: c.feedback, teacher: c.teacher }))}
              initialTotal={item.teacher?.total}
              initialComment={item.teacher?.comment}
              hasReview={item.teacherUpdatedAt !== null}
              prevHref={href(page.prevKey)}
              nextHref={href(page.nextKey)}
              action={saveReviewAction}
            />
          </article>
        </>
      )}
      <p>
        <Link href={`/teacher/assignments/${a.id}`}>Back to the results</Link>
      </p>
    </div>
  );
}
