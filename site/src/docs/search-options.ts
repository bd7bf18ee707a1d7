// One set of MiniSearch options for the index built with the site and the page that loads it.
import type { Options } from 'minisearch';

/** One searchable section of a docs page. */
export interface SearchDoc {
  readonly id: string;
  /** The section's heading. */
  readonly title: string;
  /** The page's title. */
  readonly page: string;
  /** The section's address, relative to the site root. */
  readonly url: string;
  readonly text: string;
}

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'text', 'page'],
  storeFields: ['title', 'page', 'url'],
  searchOptions: { boost: { title: 3, page: 1.5 }, prefix: true, fuzzy: 0.15 },
};
