import Link from 'next/link';
import type { GridCell, GridData, GridRow } from '@/lib/db/review';
import { formatScore } from '@/lib/classroom/scoring';
import { LocalTime } from './class-local-time';

/** Link to one response in the review queue. */
export function reviewHref(assignmentId: string, attemptId: string, questionId: string): string {
  return `/teacher/assignments/${assignmentId}/review?r=${encodeURIComponent(`${attemptId}:${questionId}`)}`;
}

/** Background tone (a secondary cue: the score text and markers carry the meaning). */
function tone(score: number, max: number): 'full' | 'part' | 'none' {
  return max > 0 && score >= max ? 'full' : score > 0 ? 'part' : 'none';
}

function Cell({ cell, href }: { cell: GridCell; href: string }) {
  return (
    <td className={`grid-cell grid-cell--${tone(cell.score, cell.maxScore)}`}>
      {/* No prefetch: a class is hundreds of cells, each its own review URL; the page opens on click. */}
      <Link href={href} className="grid-cell__link" prefetch={false}>
        <span className="grid-cell__score">
          {formatScore(cell.score)}/{formatScore(cell.maxScore)}
        </span>
        {cell.adjusted && (
          <span className="grid-cell__adj">
            {' '}
            <span aria-hidden="true">✎</span> auto {cell.autoScore === null ? '–' : formatScore(cell.autoScore)}
            <span className="visually-hidden">, changed by you</span>
          </span>
        )}
        {cell.needsReview && (
          <span className="grid-cell__flag">
            {' '}
            <span aria-hidden="true">⚑</span> review
          </span>
        )}
      </Link>
    </td>
  );
}

function Status({ row }: { row: GridRow }) {
  if (row.status === 'submitted')
    return (
      <>
        <span aria-hidden="true">✓ </span>Submitted{row.submittedAt && <> <span className="grid-time"><LocalTime iso={row.submittedAt} /></span></>}
      </>
    );
  return (
    <>
      <span aria-hidden="true">… </span>In progress
    </>
  );
}

/**
 * The roster × questions grid: one row per student, one cell per question with
 * the effective score as text, "✎ auto n" when you changed it and "⚑ review"
 * when the engine asks for your look. Colours repeat what the text says.
 */
export function GridTable({ data }: { data: GridData }) {
  const { assignment, questions, rows } = data;
  if (rows.length === 0)
    return (
      <p className="note">
        Nobody has joined yet. Students join with the code <strong>{assignment.joinCode}</strong>; they appear here within a few seconds.
      </p>
    );
  // The legend sits above the sideways-scrolling box, so on a phone or with large
  // text it wraps to the screen instead of scrolling away with the table.
  return (
    <>
      <p className="grid-legend" id="grid-legend">
        Scores count your changes; <span aria-hidden="true">✎</span> marks a score you changed (the automatic score follows),{' '}
        <span aria-hidden="true">⚑</span> review marks answers the automatic check is unsure about. Select a score to review that answer.
      </p>
      <div className="grid-scroll" role="region" aria-labelledby="grid-caption" tabIndex={0}>
        <table className="grid-table" aria-describedby="grid-legend">
          <caption id="grid-caption" className="visually-hidden">
            Results by student and question ({rows.length} {rows.length === 1 ? 'student' : 'students'})
          </caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Status</th>
              {questions.map((q) => (
                <th scope="col" key={q.id} title={q.prompt}>
                  Q{q.number}
                  <span className="grid-qmax"> /{q.maxScore}</span>
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.attemptId}>
                <th scope="row">{row.name}</th>
                <td className="grid-status">
                  <Status row={row} />
                </td>
                {questions.map((q) => {
                  const cell = row.cells[q.id];
                  return cell ? (
                    <Cell key={q.id} cell={cell} href={reviewHref(assignment.id, row.attemptId, q.id)} />
                  ) : (
                    <td key={q.id} className="grid-cell grid-cell--empty">
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">not answered</span>
                    </td>
                  );
                })}
                <td className="grid-total">
                  <strong>
                    {formatScore(row.total)}/{formatScore(row.maxTotal)}
                  </strong>
                  {row.adjusted && (
                    <span className="grid-cell__adj">
                      {' '}
                      <span aria-hidden="true">✎</span> auto {formatScore(row.autoTotal)}
                    </span>
                  )}
                  {row.needsReview > 0 && (
                    <span className="grid-cell__flag">
                      {' '}
                      <span aria-hidden="true">⚑</span> {row.needsReview} to review
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
