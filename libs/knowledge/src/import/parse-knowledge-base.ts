import { type ConfigProblem, ConfigReader, elementPath, fieldPath, formatProblem, parseJsonText, type ServiceCatalog } from '@switchboard/ticketing';
import type { ArticleContent } from '../articles/article-content';
import { readArticleContent } from '../articles/read-article-content';
import { readArticleId } from '../articles/validate-article-command';

/** One article of an import file: what a `DraftArticle` then `PublishArticle` records. */
export interface ImportedArticle {
  readonly articleId: string;
  readonly ownerDepartment: string;
  readonly content: ArticleContent;
}

/** Thrown when an article import is invalid; lists every problem, each prefixed with the source. */
export class KnowledgeBaseError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${source}: invalid knowledge base (${count}):\n${problems.map((p) => `${source}: ${formatProblem(p)}`).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

/** Departments and service types an article names that the catalog does not know. */
function checkReferences(reader: ConfigReader, article: ImportedArticle, path: string, catalog: ServiceCatalog): void {
  if (!catalog.department(article.ownerDepartment)) reader.report(fieldPath(path, 'ownerDepartment'), `unknown department "${article.ownerDepartment}"`);
  const transfer = article.content.transferDepartment;
  if (transfer && !catalog.department(transfer)) reader.report(fieldPath(path, 'transferDepartment'), `unknown department "${transfer}"`);
  article.content.serviceCodes.forEach((code, index) => {
    if (!catalog.service(code)) reader.report(elementPath(fieldPath(path, 'serviceCodes'), index), `unknown service type "${code}"`);
  });
}

/**
 * Every problem of an article import given as untrusted data: `{ "articles": [ { "id",
 * "ownerDepartment", …the content fields } ] }`. Paths name the article by index and id, e.g.
 * `articles[3] (city-hall-hours).translations.en.title`; with a catalog, departments and service
 * types are checked against it.
 */
export function knowledgeBaseProblems(value: unknown, catalog?: ServiceCatalog): { articles: ImportedArticle[]; problems: ConfigProblem[] } {
  const reader = new ConfigReader();
  const articles: ImportedArticle[] = [];
  const root = reader.object(value, '', ['articles']);
  const repeated = reader.repeatCheck('article id');
  (root ? (reader.list(root.articles, 'articles') ?? []) : []).forEach((item, index) => {
    const id = typeof (item as { id?: unknown } | null)?.id === 'string' ? ` (${(item as { id: string }).id})` : '';
    const path = `${elementPath('articles', index)}${id}`;
    const { id: rawId, ownerDepartment: rawOwner, ...rest } = (item ?? {}) as Record<string, unknown>;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      reader.object(item, path, []);
      return;
    }
    const articleId = readArticleId(reader, rawId, fieldPath(path, 'id'));
    if (articleId) repeated(articleId, fieldPath(path, 'id'));
    const ownerDepartment = reader.string(rawOwner, fieldPath(path, 'ownerDepartment'));
    const content = readArticleContent(reader, rest, path);
    if (!articleId || !ownerDepartment || !content) return;
    const article = { articleId, ownerDepartment, content };
    if (catalog) checkReferences(reader, article, path, catalog);
    articles.push(article);
  });
  return { articles, problems: reader.problems };
}

/** Parses and validates article import JSON text; throws KnowledgeBaseError naming `source`, and the line of malformed JSON. */
export function parseKnowledgeBase(text: string, source: string, catalog?: ServiceCatalog): ImportedArticle[] {
  const json = parseJsonText(text);
  if (!json.ok) throw new KnowledgeBaseError(source, [{ path: '', message: `invalid JSON at line ${json.line}, column ${json.column}: ${json.message}` }]);
  const { articles, problems } = knowledgeBaseProblems(json.value, catalog);
  if (problems.length > 0) throw new KnowledgeBaseError(source, problems);
  return articles;
}
