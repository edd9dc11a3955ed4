import type { AssignmentSummary } from '@/lib/db/review';
import { LocalTime } from './class-local-time';

const MODE: Record<AssignmentSummary['feedbackMode'], string> = {
  immediate: 'Immediate: students check each question as they go',
  'after-submit': 'After submitting: students see feedback once they submit',
  'when-returned': 'When returned: students see grades once you return them',
};

/** The assignment's key facts (class, exercise, feedback mode, join code, open/closed, returned), as a description list. */
export function AssignmentFacts({ assignment: a }: { assignment: AssignmentSummary }) {
  return (
    <dl className="assignment-facts">
      <div>
        <dt>Class</dt>
        <dd>{a.className}</dd>
      </div>
      <div>
        <dt>Exercise</dt>
        <dd>{a.exerciseTitle}</dd>
      </div>
      <div>
        <dt>Feedback</dt>
        <dd>{MODE[a.feedbackMode]}</dd>
      </div>
      <div>
        <dt>Join code</dt>
        <dd>
          <strong className="assignment-facts__code">{a.joinCode}</strong>
        </dd>
      </div>
      {a.dueAt && (
        <div>
          <dt>Due</dt>
          <dd>
            <LocalTime iso={a.dueAt} />
          </dd>
        </div>
      )}
      <div>
        <dt>State</dt>
        <dd>
          {a.closedAt ? (
            <>
              Closed to new answers since <LocalTime iso={a.closedAt} />
            </>
          ) : (
            'Open: students can join and answer'
          )}
        </dd>
      </div>
      <div>
        <dt>Grades</dt>
        <dd>
          {a.returnedAt ? (
            <>
              Returned on <LocalTime iso={a.returnedAt} />
            </>
          ) : (
            'Not returned yet'
          )}
        </dd>
      </div>
    </dl>
  );
}
