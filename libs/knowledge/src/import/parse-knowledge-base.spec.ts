import { demoCatalog } from '../testing/demo-catalog';
import { dogLicenceContent } from '../testing/article-spec';
import { KnowledgeBaseError, knowledgeBaseProblems, parseKnowledgeBase } from './parse-knowledge-base';

const article = (fields: Record<string, unknown> = {}) => ({ id: 'dog-licence', ownerDepartment: 'CLERK', ...dogLicenceContent, ...fields });
const problemsOf = (value: unknown) => knowledgeBaseProblems(value, demoCatalog).problems.map((p) => `${p.path}: ${p.message}`);

describe('parseKnowledgeBase', () => {
  it('reads the articles of an import', () => {
    expect(parseKnowledgeBase(JSON.stringify({ articles: [article()] }), 'kb.json', demoCatalog)).toEqual([
      { articleId: 'dog-licence', ownerDepartment: 'CLERK', content: dogLicenceContent },
    ]);
  });

  it('says on which line malformed JSON breaks', () => {
    const text = '{\n  "articles": [\n    { "id": "x", }\n  ]\n}';
    expect(() => parseKnowledgeBase(text, 'kb.json')).toThrow(
      'kb.json: invalid JSON at line 3, column 18: expected a property name in double quotes (is there a trailing comma?)',
    );
  });

  it('names each problem by the article’s index and id and the field', () => {
    const { translations: _t, ...withoutTranslations } = article();
    expect(
      problemsOf({
        articles: [
          article(),
          article({ id: 'City Hall', reviewEveryDays: 'often' }),
          { ...withoutTranslations, id: 'no-text' },
          article({ id: 'dog-licence', ownerDepartment: 'KENNEL', serviceCodes: ['DOG-LICENSE', 'CAT-LICENSE'], colour: 'blue' }),
          'an article',
        ],
      }),
    ).toEqual([
      'articles[1] (City Hall).id: must look like "city-hall-hours" (got "City Hall")',
      'articles[1] (City Hall).reviewEveryDays: must be a number (got the string "often")',
      'articles[2] (no-text).translations: is required',
      'articles[3] (dog-licence).id: duplicate article id "dog-licence" (first at articles[0] (dog-licence).id)',
      'articles[3] (dog-licence).colour: unknown field (known fields: translations, callTakerNote, keywords, synonyms, serviceCodes, transferDepartment, season, reviewEveryDays)',
      'articles[3] (dog-licence).ownerDepartment: unknown department "KENNEL"',
      'articles[3] (dog-licence).serviceCodes[1]: unknown service type "CAT-LICENSE"',
      'articles[4]: must be an object (got the string "an article")',
    ]);
  });

  it('throws one error listing every problem, each with the source', () => {
    expect(() => parseKnowledgeBase(JSON.stringify({ articles: [article({ id: 'A' }), article({ keywords: 'dog' })] }), 'kb.json')).toThrow(KnowledgeBaseError);
    expect(() => parseKnowledgeBase('{"articles": {}}', 'kb.json')).toThrow('kb.json: articles: must be a list (got an object)');
  });
});
