// The one text normalisation of knowledge search: both stores index, and every query is read as,
// the same tokens, so SQLite and PostgreSQL find the same candidates and one ranking orders them.

/** Words too common to say what a resident asks (English and Spanish), dropped from queries and documents alike. */
const STOPWORDS = new Set(
  (
    'a an and are as at be by can do does for from get has have how i if in is it its me my of on or our the their there this to ' +
    'was we what when where which who why will with you your am im ive ill dont cant need want please ' +
    'al como con de del donde el en es esta este hay la las lo los mi mis para por que se su sus un una y yo quiero necesito puedo cuando cual'
  ).split(' '),
);

/** Lower case, accents off (`dónde` → `donde`), `ß`/`æ` kept as letters. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * A light stem, the same on both sides: English and Spanish plurals (`permits` → `permit`,
 * `licences` → `licenc`, `multas` → `multa`), possessive `'s` already split off by tokenising.
 * Short words are kept whole, so `bus` stays `bus`.
 */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('es') && token.length > 4 && /[sxz]es$|ches$|shes$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is')) return token.slice(0, -1);
  return token;
}

/** The searchable tokens of a text: folded, split on anything not a letter or digit, stop words dropped, stemmed. */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of foldText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length === 0 || STOPWORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}

/** A text as the stores index it: its tokens, space-separated. */
export const indexedText = (text: string): string => searchTokens(text).join(' ');

/**
 * Optimal-string-alignment distance (Levenshtein with adjacent transpositions), stopping early
 * once it must exceed `max`: `recyling` ~ `recycling` is 1, `parkign` ~ `parking` is 1.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** How far a query word may be from a known word and still be taken for it: none for short words, one for 5–7 letters, two from 8. */
export const typoAllowance = (token: string): number => (token.length < 5 ? 0 : token.length < 8 ? 1 : 2);
