import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ArticleCommandHandler } from '@switchboard/command-handling';
import type { ArticleCommand, ArticleCommandType } from '@switchboard/knowledge';
import { type CommandMeta, CommandMetadata } from '../tickets/command-handling/command-meta';
import { ARTICLE_COMMANDS } from './knowledge.providers';
import { RecordCommandResultDto } from './knowledge-answers.dto';
import { recordCommandOf } from './record-command';

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
  ): Promise<RecordCommandResultDto> {
    return this.commands.execute(recordCommandOf<ArticleCommand>('knowledge/articles', ACTIONS, { id: articleId, idField: 'articleId', action, body }), meta);
  }
}
