import type { ArticleState, ArticleStanding } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { articleStatusInWords, flagsInWords, languageInWords, seasonInWords } from '../../lib/knowledge-words';
import { useSession } from '../../session';

/** What the article says, in each language, and what call takers, search and the review cycle go by. */
export function ArticleDetails({ article, standing }: { article: ArticleState; standing: ArticleStanding }) {
  const session = useSession();
  const content = article.content!;
  const tz = session.catalog.timeZone;
  const list = (words: readonly string[]) => (words.length > 0 ? words.join(', ') : '(none)');
  return (
    <>
      <dl className="details" data-testid="article-details">
        <dt>Owner</dt>
        <dd>{session.departmentName(article.ownerDepartment ?? '')}</dd>
        <dt>State</dt>
        <dd>
          {articleStatusInWords(article.status)}
          {article.revision > 0 ? `, revision ${article.revision}` : ''}
        </dd>
        <dt>Standing</dt>
        <dd data-testid="standing">
          {standing.servable && standing.flags.length === 0 ? 'served to call takers and residents' : flagsInWords(standing.flags) || 'not served'}
        </dd>
        <dt>Season</dt>
        <dd>{seasonInWords(content.season)}</dd>
        <dt>Review</dt>
        <dd>
          every {content.reviewEveryDays} days
          {standing.reviewDueAt ? `; next due ${formatCityTime(tz, standing.reviewDueAt)}` : ''}
          {article.reviewedAt ? ` (last ${formatCityTime(tz, article.reviewedAt)})` : ''}
        </dd>
        <dt>Keywords</dt>
        <dd>{list(content.keywords)}</dd>
        <dt>Synonyms</dt>
        <dd>{list(content.synonyms)}</dd>
        <dt>Linked services</dt>
        <dd>{content.serviceCodes.length > 0 ? content.serviceCodes.map(session.serviceName).join(', ') : '(none)'}</dd>
        {content.transferDepartment && (
          <>
            <dt>Transfer to</dt>
            <dd>{session.departmentName(content.transferDepartment)}</dd>
          </>
        )}
      </dl>
      {content.callTakerNote && (
        <section aria-labelledby="note-heading" className="call-taker-note">
          <h2 id="note-heading">Call-taker note</h2>
          <p>{content.callTakerNote}</p>
        </section>
      )}
      {Object.entries(content.translations).map(([language, translation]) => (
        <section key={language} lang={language} aria-labelledby={`answer-${language}`} className="translation" data-language={language}>
          <h2 id={`answer-${language}`}>
            <span lang="en">{languageInWords(language)}:</span> {translation.title}
          </h2>
          <p className="answer">{translation.answer}</p>
        </section>
      ))}
    </>
  );
}
