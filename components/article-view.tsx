import type { Article } from '@/lib/content/schema';
import { buildArticleText } from '@/lib/content/article-text';
import { glossaryId, markGlossary } from '@/lib/content/glossary';

/**
 * The article as published: headline, publication line, the photo caption
 * and credit (as a captioned placeholder: there is no image file), and the
 * numbered body paragraphs with glossary terms. Each term is a button that
 * opens a native popover (click, tap, Enter/Space; Esc closes) — no script.
 * Web addresses in the text stay plain text: never links.
 */
export function ArticleView({ article }: { article: Article }) {
  const text = buildArticleText(article.paragraphs);
  const segments = markGlossary(article.paragraphs, article.glossary);
  const pubLine = [article.publication, article.volume && `Volume ${article.volume}`, article.issue && `Issue ${article.issue}`, article.date]
    .filter(Boolean)
    .join(', ');
  return (
    <article className="article" aria-labelledby="article-headline">
      <h1 className="article__headline" id="article-headline">
        {article.headline}
      </h1>
      <p className="article__pub">{pubLine}</p>
      {article.image && (
        <figure className="figure-placeholder">
          <div className="figure-placeholder__box" role="img" aria-label={`Photo not shown: ${article.image.caption}`}>
            Photo not shown
          </div>
          <figcaption>
            {article.image.caption}
            {article.image.credit && <> (Source: {article.image.credit})</>}
          </figcaption>
        </figure>
      )}
      <div data-article-body="">
        {segments.map((segs, i) => (
          <div className="para" id={`para-${i + 1}`} key={i}>
            <span className="para__num" aria-hidden="true">
              {i + 1}
            </span>
            <p className="para__text" data-start={text.paragraphStarts[i]} aria-describedby={`para-label-${i + 1}`}>
              {segs.map((s, j) =>
                s.term ? (
                  <button key={j} type="button" className="gloss-term" popoverTarget={glossaryId(s.term)} aria-label={`${s.text} (glossary)`}>
                    {s.text}
                  </button>
                ) : (
                  s.text
                ),
              )}
            </p>
            <span id={`para-label-${i + 1}`} hidden>
              Paragraph {i + 1}
            </span>
          </div>
        ))}
      </div>
      {article.glossary.map((g) => (
        <div key={g.term} id={glossaryId(g.term)} popover="auto" className="gloss-pop" role="dialog" aria-label={`Glossary: ${g.term}`}>
          <h2>{g.term}</h2>
          <p>{g.definition}</p>
          <button type="button" className="btn btn--ghost btn--small" popoverTarget={glossaryId(g.term)} popoverTargetAction="hide">
            Close
          </button>
        </div>
      ))}
      <details className="note">
        <summary>Glossary: all {article.glossary.length} terms</summary>
        <dl className="glossary-list">
          {article.glossary.map((g) => (
            <div key={g.term}>
              <dt>{g.term}</dt>
              <dd>{g.definition}</dd>
            </div>
          ))}
        </dl>
      </details>
    </article>
  );
}
