'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Your saved answers are kept in this browser and are not lost.</p>
      <button type="button" className="btn" onClick={reset}>
        Try again
      </button>
    </>
  );
}
