import type { ArticleCommand } from '../articles/article-commands';
import type { ArticleContent } from '../articles/article-content';
import { decideArticle } from '../articles/decide-article';
import { foldArticle } from '../articles/evolve-article';
import { type ArticleState, initialArticleState } from '../articles/article-state';
import type { ArticleEvent } from '../articles/article-events';
import { deciderSpec, type SpecCommandOf, type SpecStep } from './decider-spec';
import { demoCatalog, people } from './demo-catalog';

export const ARTICLE_ID = 'dog-licence';
export type ArticleSpecCommand = SpecCommandOf<ArticleCommand, 'articleId'>;

/** Given/when/then for the article lifecycle, on the demo catalog. */
export const givenArticle = deciderSpec<ArticleCommand, ArticleState, ArticleEvent, 'articleId'>({
  decide: decideArticle,
  fold: foldArticle,
  initial: initialArticleState,
  idField: 'articleId',
  id: ARTICLE_ID,
  catalog: demoCatalog,
  start: '2026-11-02T14:00:00.000Z',
});

export const dogLicenceContent: ArticleContent = {
  translations: {
    en: { title: 'How do I license my dog?', answer: 'Dog licences are issued by the City Clerk. The fee is $15 for a spayed or neutered dog.' },
    es: { title: '¿Cómo obtengo la licencia de mi perro?', answer: 'La Secretaría Municipal emite las licencias para perros.' },
  },
  callTakerNote: 'Ask whether the rabies certificate is current.',
  keywords: ['dog', 'licence', 'license'],
  synonyms: ['dog tag'],
  serviceCodes: ['DOG-LICENSE'],
  transferDepartment: 'CLERK',
  reviewEveryDays: 180,
};

/** Reusable histories. */
export const articleSteps = {
  draft: (content: ArticleContent = dogLicenceContent): SpecStep<ArticleSpecCommand> => ({
    command: { type: 'DraftArticle', ownerDepartment: 'CLERK', content },
    by: people.clerkHead,
  }),
  publish: (): SpecStep<ArticleSpecCommand> => ({ command: { type: 'PublishArticle' }, by: people.clerkHead }),
  propose: (by = people.operator): SpecStep<ArticleSpecCommand> => ({
    command: { type: 'ProposeChange', changes: { keywords: ['dog', 'licence', 'license', 'perro'] }, reason: 'Callers ask in Spanish' },
    by,
  }),
  retire: (): SpecStep<ArticleSpecCommand> => ({ command: { type: 'RetireArticle', reason: 'Licensing moved online' }, by: people.clerkHead }),
};
