import type { Changelog } from '../../editions/changelog.js';
import type { StudyGuide } from '../../model/index.js';
import type { Paper, ViewKind } from '../writer.js';
import { hyphenatorFor } from './hyphenate.js';
import { buildView, type View } from './index.js';

/**
 * The guide's view for a kind of output: the web page (assets beside it), the print (hyphenated) or the
 * EPUB (links between its files). `changes`: the "What changed" page a release shows; `images`: where the
 * book's images are found from this kind of output.
 */
export function viewFor(
  guide: StudyGuide,
  kind: ViewKind,
  paper: Paper,
  changes?: Changelog,
  images?: ReadonlyMap<string, string>,
): View {
  return buildView(guide, {
    images,
    paper,
    assets: kind === 'html' ? 'assets/' : '',
    target: kind === 'epub' ? 'epub' : 'html',
    hyphenate: kind === 'print' ? hyphenatorFor(guide.meta.language) : undefined,
    changes,
  });
}
