/**
 * The knowledge-base pages end to end: the real API (embedded SQLite, in-process projector)
 * serving the real Vite build, driven in headless Debian Chromium.
 */
import { as } from '../../api/test/api-harness';
import { atPath, containsText, signedIn } from './browser';
import { checked, consoleSuite } from './console-suite';

jest.setTimeout(90_000);

const suite = consoleSuite({ demoData: false });

describe('the knowledge base pages', () => {
  it('a department head drafts, publishes, finds it by type-ahead, revises it and sees the history', async () => {
    const head = await signedIn(suite().browser, suite().base, as.dpwHead);
    const { page } = head;
    await page.getByRole('link', { name: 'Knowledge', exact: true }).click();
    await atPath(page, '/console/knowledge');
    await page.getByRole('table').waitFor();
    await checked(page, 'knowledge');

    await page.getByRole('link', { name: 'New article' }).click();
    await atPath(page, '/console/knowledge/new');
    await page.getByLabel('Article id').fill('leaf-pickup');
    await page.getByLabel('Title (the question as residents ask it)').fill('When is leaf pickup?');
    await page.getByLabel(/^Answer( \*)?$/).fill('Leaves are collected on your trash day from October to December.');
    await page.getByLabel('Title in Spanish').fill('¿Cuándo recogen las hojas?');
    await page.getByLabel('Answer in Spanish').fill('Las hojas se recogen el día de la basura.');
    await page.getByLabel('Call-taker note (never shown to residents)').fill('Ask for the street address.');
    await page.getByLabel('Keywords').fill('leaves, yard waste');
    await page.getByLabel('Synonyms (other words residents use)').fill('leaf collection');
    await checked(page, 'knowledge-new');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await atPath(page, '/console/knowledge/leaf-pickup');
    await containsText(page.locator('h1'), 'When is leaf pickup?');
    await containsText(page.getByTestId('standing'), 'draft');

    await page.getByRole('button', { name: 'Publish' }).click();
    await containsText(page.getByRole('status').filter({ hasText: 'done' }), 'Publish: done.');
    await containsText(page.getByTestId('standing'), 'served to call takers and residents');
    await containsText(page.locator('[data-language="es"]'), '¿Cuándo recogen las hojas?');

    // Type-ahead: the beginning of a word finds it.
    await page.getByRole('link', { name: 'Knowledge', exact: true }).click();
    await page.getByLabel('What the resident asks').fill('leaf pic');
    await page.locator('[data-testid="hits"] li[data-ref="leaf-pickup"]').waitFor();
    await containsText(page.locator('[data-testid="hits"] li[data-ref="leaf-pickup"]'), 'Public Works');
    await page.locator('[data-testid="articles"] tr[data-article="leaf-pickup"]').waitFor();
    await page.locator('[data-testid="hits"] li[data-ref="leaf-pickup"] a').click();
    await atPath(page, '/console/knowledge/leaf-pickup');

    await page.getByRole('button', { name: 'Revise' }).click();
    await page.getByLabel(/^Answer( \*)?$/).fill('Leaves are collected on your trash day from October to mid-December.');
    await page.getByLabel('Note on this revision (optional)').fill('Dates moved');
    await page.getByRole('button', { name: 'Revise' }).last().click();
    await containsText(page.getByRole('status').filter({ hasText: 'done' }), 'Revise: done.');
    const revised = page.locator('[data-testid="article-history"] li[data-type="ArticleRevised"]');
    await containsText(
      revised,
      'Answer (English): Leaves are collected on your trash day from October to December. → Leaves are collected on your trash day from October to mid-December.',
    );
    await containsText(revised, 'hana.dpw');
    await containsText(revised, 'Note: Dates moved');
    expect(await page.locator('[data-testid="article-history"] > li').evaluateAll((items) => items.map((i) => i.getAttribute('data-type')))).toEqual([
      'ArticleDrafted',
      'ArticlePublished',
      'ArticleRevised',
    ]);
    await checked(page, 'knowledge-article');
    await head.close();
  });

  it('an operator proposes a change by keyboard only (the API refuses them retiring it), and the head accepts it', async () => {
    const operator = await signedIn(suite().browser, suite().base, as.operator, '/console/knowledge/leaf-pickup');
    const { page } = operator;
    await containsText(page.locator('h1'), 'When is leaf pickup?');
    // The API allows an operator one action here: proposing.
    expect(await page.locator('.ticket-actions .actions button').allInnerTexts()).toEqual(['Propose a change']);
    await page.getByRole('button', { name: 'Propose a change' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Keywords').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(', leaf season');
    await page.getByLabel('Why this change? *').focus();
    await page.keyboard.type('Callers say leaf season');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await containsText(page.getByRole('status').filter({ hasText: 'done' }), 'Propose a change: done.');
    await containsText(page.getByTestId('proposals'), 'Keywords: leaves, yard waste → leaves, yard waste, leaf season');
    await checked(page, 'knowledge-proposal');
    // Retiring is the owner's: the API refuses the operator.
    const refused = await page.evaluate(async () => {
      const token = sessionStorage.getItem('switchboard.console.token');
      const answer = await fetch('/knowledge/articles/leaf-pickup/retire', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'no' }),
      });
      return answer.status;
    });
    expect(refused).toBe(403);
    await operator.close();

    const head = await signedIn(suite().browser, suite().base, as.dpwHead, '/console/knowledge/leaf-pickup');
    await head.page.getByRole('button', { name: 'Accept proposal 1' }).click();
    await containsText(head.page.getByRole('status').filter({ hasText: 'done' }), 'Accept the proposal: done.');
    await containsText(head.page.locator('[data-testid="article-details"]'), 'leaves, yard waste, leaf season');
    await head.page.locator('[data-testid="article-history"] li[data-type="ChangeAccepted"]').waitFor();
    expect(await head.page.getByTestId('proposals').count()).toBe(0);
    await head.close();
  });

  it('shows a refusal in words: staff cannot draft an article', async () => {
    const staff = await signedIn(suite().browser, suite().base, as.dpwStaff, '/console/knowledge/new');
    const { page } = staff;
    await page.getByLabel('Article id').fill('staff-try');
    await page.getByLabel('Title (the question as residents ask it)').fill('A question');
    await page.getByLabel(/^Answer( \*)?$/).fill('An answer');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await containsText(page.getByRole('alert'), 'You are not allowed to draft this article.');
    await containsText(page.getByRole('alert'), 'Public Works');
    await staff.close();
  });
});
