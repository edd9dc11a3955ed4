import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have been moved, or the link may be mistyped.</p>
      <p>
        <Link href="/">See all articles</Link>
      </p>
    </>
  );
}
