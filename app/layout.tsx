import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Close Reader', template: '%s · Close Reader' },
  description: 'Read the news closely: sourcing, attribution, and figures versus estimates.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="site-header__brand">
              Close Reader
            </Link>
            <span className="site-header__tag">Read the news closely: who says so, and how do they know?</span>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          Close Reader asks students for a display name and nothing else. No ads, no analytics, no tracking.
        </footer>
      </body>
    </html>
  );
}
