import { Body, Controller, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ArticleCommandHandler, RecordCommandResult } from '@switchboard/command-handling';
import type { ArticleCommand, ArticleCommandType } from '@switchboard/knowledge';
import { InvalidRequest } from '../errors/api-exceptions';
import { type CommandMeta, CommandMetadata } from '../tickets/command-handling/command-meta';
import { ARTICLE_COMMANDS } from './knowledge.providers';

/** The article commands by the last word of their route. */
const ACTIONS: Readonly<Record<string, ArticleCommandType>> = {
  draft: 'DraftArticle',
  edit: 'EditDraft',
  publish: 'PublishArticle',
  revise: 'ReviseArticle',
  review: 'ReviewArticle',
  propose: 'ProposeChange',
  accept: 'AcceptChange',
  decline: 'DeclineChange',
  retire: 'RetireArticle',
};

/**
 * Writing the knowledge base: `POST /knowledge/articles/:id/<action>` with the command's fields as
 * the JSON body. The article domain judges the fields (each problem names its field) and who may
 * (department heads their department's articles, the director any; operators and staff propose).
 * Idempotency-Key and If-Match work as on ticket commands.
 */
@ApiTags('knowledge')
@Controller('knowledge/articles')
export class ArticleCommandsController {
  constructor(@Inject(ARTICLE_COMMANDS) private readonly commands: ArticleCommandHandler) {}

  @Post(':id/:action')
  @HttpCode(200)
  act(
    @Param('id') articleId: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @CommandMetadata() meta: CommandMeta,
  ): Promise<RecordCommandResult> {
    const type = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    // No such action is no such route: answered as every unknown route is.
    if (!type) throw new NotFoundException(`Cannot POST /knowledge/articles/${encodeURIComponent(articleId)}/${encodeURIComponent(action)}`);
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      throw new InvalidRequest([{ field: '(body)', message: 'must be a JSON object with the command’s fields' }]);
    }
    return this.commands.execute({ ...(body ?? {}), type, articleId } as ArticleCommand, meta);
  }
}
