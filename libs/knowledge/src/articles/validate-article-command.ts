import type { ConfigReader } from '@switchboard/ticketing';
import type { InvalidCommand } from '../shared/domain-errors';
import { commandProblems, readId, readText } from '../shared/reading';
import { ARTICLE_ID, type ArticleCommand, type ArticleCommandType, MAX_ARTICLE_ID_LENGTH, MAX_REASON_LENGTH } from './article-commands';
import { readArticleChanges, readArticleContent } from './read-article-content';

type Fields = Record<string, unknown>;
const reason = (reader: ConfigReader, f: Fields) => readText(reader, f.reason, 'reason', MAX_REASON_LENGTH);
const note = (reader: ConfigReader, f: Fields) => readText(reader, f.note, 'note', MAX_REASON_LENGTH, true);
const proposal = (reader: ConfigReader, f: Fields) => readText(reader, f.proposalId, 'proposalId', 128);

const READERS: { readonly [T in ArticleCommandType]: (reader: ConfigReader, fields: Fields) => void } = {
  DraftArticle: (r, f) => {
    r.string(f.ownerDepartment, 'ownerDepartment');
    readArticleContent(r, f.content, 'content');
  },
  EditDraft: (r, f) => readArticleChanges(r, f.changes, 'changes'),
  PublishArticle: () => undefined,
  ReviseArticle: (r, f) => {
    readArticleChanges(r, f.changes, 'changes');
    note(r, f);
  },
  ReviewArticle: note,
  ProposeChange: (r, f) => {
    readArticleChanges(r, f.changes, 'changes');
    reason(r, f);
  },
  AcceptChange: (r, f) => {
    proposal(r, f);
    note(r, f);
  },
  DeclineChange: (r, f) => {
    proposal(r, f);
    reason(r, f);
  },
  RetireArticle: reason,
};

const FIELDS: { readonly [T in ArticleCommandType]: readonly string[] } = {
  DraftArticle: ['articleId', 'ownerDepartment', 'content'],
  EditDraft: ['articleId', 'changes'],
  PublishArticle: ['articleId'],
  ReviseArticle: ['articleId', 'changes', 'note'],
  ReviewArticle: ['articleId', 'note'],
  ProposeChange: ['articleId', 'changes', 'reason'],
  AcceptChange: ['articleId', 'proposalId', 'note'],
  DeclineChange: ['articleId', 'proposalId', 'reason'],
  RetireArticle: ['articleId', 'reason'],
};

/** Reads an article id: a lower-case slug such as `city-hall-hours`. */
export function readArticleId(reader: ConfigReader, value: unknown, path: string): string | undefined {
  const id = readId(reader, value, path, ARTICLE_ID, 'city-hall-hours');
  if (id === undefined || id.length <= MAX_ARTICLE_ID_LENGTH) return id;
  reader.report(path, `must be at most ${MAX_ARTICLE_ID_LENGTH} characters`);
  return undefined;
}

/** Every field problem of an article command, in the order found; empty when its shape is right. */
export function validateArticleCommand(command: ArticleCommand): InvalidCommand<ArticleCommandType>[] {
  return commandProblems<ArticleCommandType>(
    command,
    Object.fromEntries(
      Object.entries(READERS).map(([type, read]) => [
        type,
        (reader: ConfigReader, fields: Fields) => {
          readArticleId(reader, fields.articleId, 'articleId');
          read(reader, fields);
        },
      ]),
    ) as typeof READERS,
    FIELDS,
  );
}
