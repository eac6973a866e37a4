import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { type ArticleCommandHandler, CommandRefused } from '@switchboard/command-handling';
import { parseKnowledgeBase } from '@switchboard/knowledge';
import type { Actor, ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { ARTICLE_COMMANDS } from './knowledge.providers';

/** Who an import's commands are recorded as: the director's authority (any department's articles), named as the import. */
export const KNOWLEDGE_BASE_IMPORTER: Actor = { id: 'import:knowledge-base', role: 'director' };

export interface KnowledgeBaseImport {
  readonly published: number;
  /** Articles the log already held under another history (their own drafting or publishing): left as they are. */
  readonly kept: number;
}

/**
 * Drafts and publishes each article of a knowledge-base file once: the command ids derive from the
 * article id, so a restart (or a second API instance) answers the first answers and writes
 * nothing, and an article edited since keeps its edits. A file with a problem refuses the whole
 * import, naming the article and field (or the line of malformed JSON).
 */
export async function importKnowledgeBase(app: INestApplication, path: string): Promise<KnowledgeBaseImport> {
  const catalog = app.get<ServiceCatalog>(CATALOG);
  const commands = app.get<ArticleCommandHandler>(ARTICLE_COMMANDS);
  const articles = parseKnowledgeBase(readFileSync(path, 'utf8'), path, catalog);
  let published = 0;
  let kept = 0;
  for (const { articleId, ownerDepartment, content } of articles) {
    try {
      await commands.execute(
        { type: 'DraftArticle', articleId, ownerDepartment, content },
        { actor: KNOWLEDGE_BASE_IMPORTER, commandId: `kb-import:${articleId}:draft` },
      );
      await commands.execute({ type: 'PublishArticle', articleId }, { actor: KNOWLEDGE_BASE_IMPORTER, commandId: `kb-import:${articleId}:publish` });
      published += 1;
    } catch (error) {
      if (!(error instanceof CommandRefused)) throw error;
      kept += 1;
    }
  }
  return { published, kept };
}
