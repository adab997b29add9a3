/** The merge as the build calls it (a module of its own, so that the build loads the merge only to run it). */
import type { Book, BookMeta, Source } from '../model/index.js';
import type { QuireConfig } from '../config/schema.js';
import { mergeSources } from '../merge/index.js';

/** Pure: sources → merged book. */
export function prepareBook(sources: Source[], meta: BookMeta, config: QuireConfig): Book {
  const { policy, threshold, apparatus } = config.merge;
  return mergeSources(sources, meta, { policy, threshold, apparatus });
}
