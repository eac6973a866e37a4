import type { Me } from '../../lib/api-types';

/**
 * Whether to offer "New article": `/me` says nothing of articles, so the console offers drafting to
 * the roles that write a department's answers (heads, the director) and shows the API's refusal
 * when it comes; every other action on an article is the API's `allowedActions`.
 */
export const mayDraftArticles = (me: Me): boolean => me.role === 'director' || (me.role === 'department_head' && me.department !== undefined);
