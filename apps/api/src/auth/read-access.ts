import { type Actor, readRefusal, type ReadRuleName, type ReadSubjects } from '@switchboard/ticketing';
import { QueryForbidden } from '../errors/api-exceptions';

/**
 * Enforces a read rule of the domain (`libs/ticketing/src/lifecycle/read-rules.ts`): a refusal is a
 * QueryForbidden, which the one error map answers as 403 with the rule's name and who may.
 */
export function assertMayRead<N extends ReadRuleName>(rule: N, actor: Actor, subject: ReadSubjects[N]): void {
  const refused = readRefusal(rule, actor, subject);
  if (refused) throw new QueryForbidden(refused.rule, refused.whoMay, refused.message);
}
