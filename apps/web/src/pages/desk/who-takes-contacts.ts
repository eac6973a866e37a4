import type { Me } from '../../lib/api-types';

/**
 * Who the desk is for: the contact domain lets operators and the director start contacts. `/me`
 * says nothing of contacts, so this one link goes by role (like *New article*); the API judges
 * every contact command, and its refusal is shown.
 */
export const takesContacts = (me: Me): boolean => me.role === 'operator' || me.role === 'director';

/** The desk is the operator's landing page. */
export const landsOnTheDesk = (me: Me): boolean => me.role === 'operator';
