import Link from 'next/link';
import type { AssignmentSummary } from '@/lib/db/assignments';
import { joinUrl } from '@/lib/db/assignments';
import { classroomShareUrl, FEEDBACK_MODE_TEXT } from '@/lib/validations/classes';
import { CopyButton } from './class-copy-button';
import { LocalTime } from './class-local-time';

interface Props {
  assignment: AssignmentSummary;
  justCreated?: boolean;
  closeAction: () => Promise<void>;
  reopenAction: () => Promise<void>;
}

/** One assignment on the class page: its join code in large type, sharing, progress and the teacher's actions. */
export function ClassAssignmentCard({ assignment: a, justCreated, closeAction, reopenAction }: Props) {
  const link = joinUrl(a.joinCode);
  const headingId = `assignment-${a.id}-title`;
  const closed = a.closedAt !== null;
  return (
    <li className={`assignment-card${justCreated ? ' assignment-card--new' : ''}`} id={`assignment-${a.id}`}>
      <h3 id={headingId}>{a.title}</h3>
      {justCreated && (
        <p role="status" className="assignment-card__new">
          New: share the code or the link below with your students.
        </p>
      )}
      <p className={closed ? 'badge badge--closed' : 'badge badge--open'}>
        {closed ? (
          <>
            <span aria-hidden="true">■ </span>Closed to new answers
          </>
        ) : (
          <>
            <span aria-hidden="true">● </span>Open for answers
          </>
        )}
      </p>
      <dl className="facts">
        <div>
          <dt>Exercise</dt>
          <dd>{a.exerciseTitle ?? `${a.exerciseId} (no longer in the library)`}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{a.dueAt ? <LocalTime iso={a.dueAt.toISOString()} /> : 'No due date'}</dd>
        </div>
        <div>
          <dt>Feedback</dt>
          <dd>{FEEDBACK_MODE_TEXT[a.feedbackMode].label}</dd>
        </div>
        <div>
          <dt>Students</dt>
          <dd>
            {a.joined} joined, {a.submitted} submitted
          </dd>
        </div>
      </dl>

      <div className="join-box">
        <p className="join-box__label">Join code</p>
        <p className="join-code">
          <span aria-hidden="true">{a.joinCode}</span>
          <span className="visually-hidden">{a.joinCode.split('').join(' ')}</span>
        </p>
        <label className="field" htmlFor={`link-${a.id}`}>
          Join link
        </label>
        <div className="join-box__link">
          <input id={`link-${a.id}`} type="text" readOnly value={link} />
          <CopyButton text={link} label="Copy join link" what="Join link" />
        </div>
        <p className="join-box__share">
          <a href={classroomShareUrl(link, a.title)} target="_blank" rel="noopener noreferrer">
            Share to Google Classroom<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          {' · '}
          <Link href={`/teacher/assignments/${a.id}/preview`}>Preview as a student</Link>
        </p>
      </div>

      <div className="card-actions">
        <Link href={`/teacher/assignments/${a.id}`} className="btn">
          Results and review
        </Link>
        {closed ? (
          <form action={reopenAction}>
            <button type="submit" className="btn btn--ghost">
              Reopen
            </button>
          </form>
        ) : (
          <form action={closeAction}>
            <button type="submit" className="btn btn--ghost">
              Close to new answers
            </button>
          </form>
        )}
        <Link href={`/teacher/classes/${a.classId}/assignments/${a.id}/edit`} className="btn btn--ghost">
          Edit<span className="visually-hidden"> {a.title}</span>
        </Link>
      </div>
    </li>
  );
}
