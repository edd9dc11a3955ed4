'use client';

/** Teacher pages: a database outage or server error gets a calm page with a retry, not a crash. */
export default function TeacherError({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1>This page could not be loaded</h1>
      <p>
        The server could not reach the database or hit an error. Nothing your students have saved is lost. Wait a moment and
        try again.
      </p>
      <button type="button" className="btn" onClick={reset}>
        Try again
      </button>
    </>
  );
}
