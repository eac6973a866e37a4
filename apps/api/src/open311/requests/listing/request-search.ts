import type { RequestSearch } from './requests-query';

/** Finds one page of service requests in a read model: their ids, newest requested first. */
export interface RequestSearchPort {
  search(search: RequestSearch, now: Date): Promise<string[]>;
}

/** Injection token of the RequestSearchPort. */
export const REQUEST_SEARCH = 'switchboard:Open311RequestSearch';
