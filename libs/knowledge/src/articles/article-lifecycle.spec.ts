import { ARTICLE_ID, articleSteps, dogLicenceContent, givenArticle } from '../testing/article-spec';
import { people } from '../testing/demo-catalog';
import { articleLifecycle } from './article-machine';
import { ARTICLE_PERMISSION_RULES } from './article-rules';

const { draft, publish, propose, retire } = articleSteps;

describe('article lifecycle', () => {
  describe('drafting and publishing', () => {
    it('a department head drafts an article of their department', () => {
      givenArticle()
        .when({ type: 'DraftArticle', ownerDepartment: 'CLERK', content: dogLicenceContent }, people.clerkHead)
        .then({ type: 'ArticleDrafted', data: { articleId: ARTICLE_ID, ownerDepartment: 'CLERK', content: dogLicenceContent } });
    });

    it("a department head may not draft another department's article; who may is said", () => {
      const error = givenArticle()
        .when({ type: 'DraftArticle', ownerDepartment: 'CLERK', content: dogLicenceContent }, people.dpwHead)
        .thenFails('Forbidden', { rule: 'departmentHeadsWriteTheirDepartmentsArticles' });
      expect(error.whoMay).toEqual([{ role: 'department_head', department: 'CLERK' }, { role: 'director' }]);
      expect(error.message).toBe('department_head dpw-head may not DraftArticle on this article; who may: department_head of CLERK, director');
    });

    it('the director drafts for any department; the owner must exist in the catalog', () => {
      givenArticle().when({ type: 'DraftArticle', ownerDepartment: 'CLERK', content: dogLicenceContent }, people.director).then({ type: 'ArticleDrafted' });
      givenArticle()
        .when({ type: 'DraftArticle', ownerDepartment: 'LIBRARY', content: dogLicenceContent }, people.director)
        .thenFails('NotFound', { what: 'department', id: 'LIBRARY' });
    });

    it('linked service types and the transfer department must be in the catalog', () => {
      givenArticle()
        .when({ type: 'DraftArticle', ownerDepartment: 'CLERK', content: { ...dogLicenceContent, serviceCodes: ['CAT-LICENSE'] } }, people.clerkHead)
        .thenFails('NotFound', { what: 'service', id: 'CAT-LICENSE' });
      givenArticle(draft())
        .when({ type: 'EditDraft', changes: { transferDepartment: 'LIBRARY' } }, people.clerkHead)
        .thenFails('NotFound', { what: 'department', id: 'LIBRARY' });
    });

    it('an id is drafted once', () => {
      givenArticle(draft())
        .when({ type: 'DraftArticle', ownerDepartment: 'CLERK', content: dogLicenceContent }, people.clerkHead)
        .thenFails('IllegalTransition', { state: 'draft' });
    });

    it('a draft edit records the fields changed, before and after', () => {
      const { state } = givenArticle(draft())
        .when({ type: 'EditDraft', changes: { callTakerNote: null, translations: { es: null } } }, people.clerkHead)
        .then({
          type: 'DraftEdited',
          data: {
            changes: [
              { field: 'callTakerNote', before: 'Ask whether the rabies certificate is current.' },
              { field: 'translations.es.answer', before: 'La Secretaría Municipal emite las licencias para perros.' },
              { field: 'translations.es.title', before: '¿Cómo obtengo la licencia de mi perro?' },
            ],
          },
        });
      expect(state.content?.callTakerNote).toBeUndefined();
      expect(Object.keys(state.content!.translations)).toEqual(['en']);
    });

    it('an edit that changes nothing is refused on the field', () => {
      givenArticle(draft())
        .when({ type: 'EditDraft', changes: { keywords: ['dog', 'licence', 'license'] } }, people.clerkHead)
        .thenFails('InvalidCommand', { field: 'changes', message: 'changes: the article already says this; change at least one field' });
    });

    it('publishing makes revision 1 and starts the review cycle', () => {
      const { state } = givenArticle(draft())
        .when({ type: 'PublishArticle' }, people.clerkHead)
        .then({ type: 'ArticlePublished', data: { revision: 1 } });
      expect(state).toMatchObject({ status: 'published', revision: 1, reviewedAt: state.publishedAt });
    });

    it('staff may not publish, even of the owner department', () => {
      givenArticle(draft())
        .when({ type: 'PublishArticle' }, people.clerkStaff)
        .thenFails('Forbidden', { rule: 'departmentHeadsPublishTheirDepartmentsArticles' });
    });

    it('an unknown article is NotFound, whatever the command', () => {
      givenArticle().when({ type: 'PublishArticle' }, people.clerkHead).thenFails('NotFound', { what: 'article', id: ARTICLE_ID });
    });
  });

  describe('revising and reviewing', () => {
    it('a revision of a published article records each field changed, before and after, and counts as a review', () => {
      const given = givenArticle(draft(), publish());
      const { state } = given
        .when(
          {
            type: 'ReviseArticle',
            changes: { translations: { en: { title: 'How do I license my dog?', answer: 'The fee is $20.' } }, reviewEveryDays: 90 },
            note: 'New fee',
          },
          people.clerkHead,
          '2026-12-01T15:00:00.000Z',
        )
        .then({
          type: 'ArticleRevised',
          data: {
            revision: 2,
            note: 'New fee',
            changes: [
              { field: 'reviewEveryDays', before: 180, after: 90 },
              { field: 'translations.en.answer', before: dogLicenceContent.translations.en.answer, after: 'The fee is $20.' },
            ],
          },
        });
      expect(state).toMatchObject({ revision: 2, reviewedAt: '2026-12-01T15:00:00.000Z' });
      expect(state.content?.translations.en.answer).toBe('The fee is $20.');
    });

    it('a review restarts the cycle without changing the article', () => {
      const { state } = givenArticle(draft(), publish())
        .when({ type: 'ReviewArticle', note: 'Still right' }, people.clerkHead, '2027-03-01T15:00:00.000Z')
        .then({ type: 'ArticleReviewed', data: { note: 'Still right' } });
      expect(state).toMatchObject({ revision: 1, reviewedAt: '2027-03-01T15:00:00.000Z' });
    });

    it('a draft is edited, not revised, and not reviewed; the refusal says what is possible now', () => {
      givenArticle(draft())
        .when({ type: 'ReviewArticle' }, people.clerkHead)
        .thenFails('IllegalTransition', {
          state: 'draft',
          allowed: ['EditDraft', 'PublishArticle', 'RetireArticle', 'ProposeChange', 'AcceptChange', 'DeclineChange'],
          message:
            'ReviewArticle is not possible while the article is draft; possible now: EditDraft, PublishArticle, RetireArticle, ProposeChange, AcceptChange, DeclineChange',
        });
    });
  });

  describe('proposals', () => {
    it('an operator proposes; the proposal records what it would change', () => {
      givenArticle(draft(), publish())
        .when(propose().command, people.operator)
        .then({
          type: 'ChangeProposed',
          data: {
            reason: 'Callers ask in Spanish',
            changes: [{ field: 'keywords', before: ['dog', 'licence', 'license'], after: ['dog', 'licence', 'license', 'perro'] }],
          },
        });
    });

    it('a resident or the system may not propose, in any state: permission before state', () => {
      givenArticle(draft(), publish(), retire())
        .when(propose().command, people.resident)
        .thenFails('Forbidden', { rule: 'operatorsAndCityStaffProposeChanges' });
      givenArticle(draft(), publish()).when(propose().command, people.system).thenFails('Forbidden');
    });

    it('the owner accepts: the acceptance and the revision it makes, naming the proposal', () => {
      const given = givenArticle(draft(), publish(), propose());
      const proposalId = given.state.pendingProposals[0].proposalId;
      const { state } = given
        .when({ type: 'AcceptChange', proposalId }, people.clerkHead)
        .then({ type: 'ChangeAccepted', data: { proposalId } }, { type: 'ArticleRevised', data: { revision: 2, proposalId } });
      expect(state.pendingProposals).toEqual([]);
      expect(state.content?.keywords).toContain('perro');
    });

    it('accepting a proposal on a draft edits the draft', () => {
      const given = givenArticle(draft(), propose());
      given
        .when({ type: 'AcceptChange', proposalId: given.state.pendingProposals[0].proposalId }, people.director)
        .then({ type: 'ChangeAccepted' }, { type: 'DraftEdited' });
    });

    it('the proposer may not decide on it; a proposal is decided once', () => {
      const given = givenArticle(draft(), publish(), propose());
      const proposalId = given.state.pendingProposals[0].proposalId;
      given.when({ type: 'AcceptChange', proposalId }, people.operator).thenFails('Forbidden', { rule: 'theOwningDepartmentsHeadDecidesOnProposals' });
      const declined = givenArticle(draft(), publish(), propose(), {
        command: { type: 'DeclineChange', proposalId, reason: 'Covered already' },
        by: people.clerkHead,
      });
      declined.when({ type: 'AcceptChange', proposalId }, people.clerkHead).thenFails('InvalidCommand', { field: 'proposalId' });
    });

    it('a proposal already made true by a revision is accepted without a revision', () => {
      const given = givenArticle(draft(), publish(), propose(), {
        command: { type: 'ReviseArticle', changes: { keywords: ['dog', 'licence', 'license', 'perro'] } },
        by: people.clerkHead,
      });
      given.when({ type: 'AcceptChange', proposalId: given.state.pendingProposals[0].proposalId }, people.clerkHead).then({ type: 'ChangeAccepted' });
    });
  });

  describe('retiring', () => {
    it('the owner retires; a retired article may only be published again', () => {
      const { state } = givenArticle(draft(), publish()).when(retire().command, people.clerkHead).then({ type: 'ArticleRetired' });
      expect(state.status).toBe('retired');
      givenArticle(draft(), publish(), retire())
        .when({ type: 'ReviseArticle', changes: { keywords: ['dog'] } }, people.clerkHead)
        .thenFails('IllegalTransition', { state: 'retired', allowed: ['PublishArticle'] });
      givenArticle(draft(), publish(), retire())
        .when({ type: 'PublishArticle' }, people.clerkHead)
        .then({ type: 'ArticlePublished', data: { revision: 2 } });
    });
  });

  describe('commands from untrusted JSON', () => {
    it('names every field problem', () => {
      const decision = givenArticle().when(
        { type: 'DraftArticle', ownerDepartment: '', content: { ...dogLicenceContent, translations: { es: { title: 'x', answer: '' } }, reviewEveryDays: 0 } },
        people.clerkHead,
      ).decision;
      expect(decision.ok).toBe(false);
      if (decision.ok) return;
      expect(decision.problems?.map((p) => (p.kind === 'InvalidCommand' ? p.field : p.kind))).toEqual([
        'ownerDepartment',
        'content.translations.es.answer',
        'content.reviewEveryDays',
      ]);
    });

    it('a missing English version, English removed, an unknown field and an unknown type are named', () => {
      const spanishOnly = { ...dogLicenceContent, translations: { es: dogLicenceContent.translations.es } };
      givenArticle()
        .when({ type: 'DraftArticle', ownerDepartment: 'CLERK', content: spanishOnly }, people.clerkHead)
        .thenFails('InvalidCommand', { field: 'content.translations.en' });
      givenArticle(draft())
        .when({ type: 'EditDraft', changes: { translations: { en: null } } }, people.clerkHead)
        .thenFails('InvalidCommand', { field: 'changes.translations.en' });
      givenArticle(draft())
        .when({ type: 'EditDraft', changes: { keywrods: ['x'] } } as never, people.clerkHead)
        .thenFails('InvalidCommand', { field: 'changes.keywrods' });
      givenArticle()
        .when({ type: 'WriteArticle' } as never, people.clerkHead)
        .thenFails('InvalidCommand', { command: 'unknown', field: 'type' });
    });

    it('a season ends on or after it starts', () => {
      givenArticle(draft())
        .when({ type: 'EditDraft', changes: { season: { from: '2026-11-10', until: '2026-11-01' } } }, people.clerkHead)
        .thenFails('InvalidCommand', { field: 'changes.season.until' });
    });
  });

  it('every who-may rule guards some transition of the machine', () => {
    const used = new Set(
      Object.values(articleLifecycle.root.states).flatMap((state) =>
        Object.values(state.on).flatMap((transitions) => transitions.flatMap((t) => (t.guard as { guards?: string[] }).guards ?? [])),
      ),
    );
    for (const rule of Object.keys(ARTICLE_PERMISSION_RULES)) expect(used).toContain(rule);
  });
});
