/**
 * A page that already shows a book is changed into the next one in place, instead of loading the whole
 * book again: only the elements whose markup changed are replaced, so Chromium styles and lays out only
 * them, and the print steps that work on new text (the line-end hyphens) find only theirs.
 *
 * The result must be the page a fresh load would give. So an element is only entered (its children
 * compared one by one) when nothing inside it can lay out differently because of a sibling it keeps:
 *
 * - its tag and attributes are the same, it holds the same number of children, and no text of its own
 *   (only white space);
 * - it is a block box (`display: block`, not floated, not positioned out of the flow), and so is every
 *   child it holds: then each child is as wide as the block and its lines break on their own (a table's
 *   cell, a float, an inline-block or a flex item would not);
 * - the page's element matches the old markup: the same tags in the same places (text already changed
 *   by the print steps is never inside an element that is entered).
 *
 * Anything else is replaced whole. The `<html>` element's attributes and every element of the head except
 * `<style>` and `<title>` (a style sheet or font that would load anew) must be the same, otherwise the page
 * is loaded again. The markup is parsed by the page's own parser (DOMParser), as a load would parse it.
 */

/**
 * The script: `before` is the markup the page shows, `after` the one it should show. The page keeps the
 * parse of the last `after` under a token (`kept` → `next`), so the next patch sends only its own markup:
 * with `before` undefined, the script uses the parse kept under `kept`, and returns -2 if there is none.
 */
export const patchScript = (before: string | undefined, after: string, kept: number, next: number) => `(() => {
  const parse = (text) => new DOMParser().parseFromString(text, 'text/html');
  const last = window.quirePatched;
  window.quirePatched = undefined;
  const before = ${before === undefined ? 'undefined' : JSON.stringify(before)};
  if (before === undefined && last?.token !== ${kept}) return -2;
  const old = before === undefined ? last.doc : parse(before);
  const next = parse(${JSON.stringify(after)});
  const replaced = (() => {
${PATCH}
  })();
  if (replaced >= 0) window.quirePatched = { token: ${next}, doc: next };
  return replaced;
})()`;

/**
 * Returns the number of elements replaced, or -1 when the page must be loaded instead (the page is then
 * unchanged only if nothing was replaced yet: the caller loads it either way).
 */
const PATCH = `
  const shallow = (el) => el.cloneNode(false).outerHTML;
  const blocks = ['block', 'list-item', 'table', 'flex', 'grid', 'flow-root', 'none'];
  const inFlow = (el) => {
    const style = getComputedStyle(el);
    return style.float === 'none' && style.position !== 'absolute' && style.position !== 'fixed';
  };
  const isBlock = (el) => blocks.includes(getComputedStyle(el).display) && inFlow(el);
  // Its own nodes other than elements: only white space and comments, the same in both.
  const sameLoose = (a, b) => {
    if (a.childNodes.length !== b.childNodes.length) return false;
    for (let i = 0; i < a.childNodes.length; i++) {
      const x = a.childNodes[i], y = b.childNodes[i];
      if (x.nodeType !== y.nodeType) return false;
      if (x.nodeType === Node.ELEMENT_NODE) continue;
      if (x.nodeType === Node.TEXT_NODE && x.data.trim() !== '') return false;
      if (x.data !== y.data) return false;
    }
    return true;
  };
  const matches = (live, a) =>
    live.childNodes.length === a.childNodes.length &&
    [...a.children].every((c, i) => live.children[i] && live.children[i].localName === c.localName);
  const enterable = (live, a, b) =>
    shallow(a) === shallow(b) && sameLoose(a, b) && matches(live, a) &&
    (a.localName === 'head' || a.localName === 'body' || isBlock(live)) &&
    (a.localName === 'head' || [...live.children].every(isBlock));
  let replaced = 0;
  const sync = (live, a, b) => {
    for (let i = 0; i < a.children.length; i++) {
      const x = a.children[i], y = b.children[i], here = live.children[i];
      // The same nodes (compared natively: serialising each subtree to compare took most of a patch).
      if (x.isEqualNode(y)) continue;
      if (enterable(here, x, y)) { sync(here, x, y); continue; }
      if (live.localName === 'head' && !['style', 'title'].includes(x.localName)) throw new Error('head');
      if (live.localName === 'head' && x.localName !== y.localName) throw new Error('head');
      // A heading's text is a bookmark's title: the print that follows must print the whole book.
      if (headings(x) !== headings(y)) window.quireHeadings = true;
      const node = document.importNode(y, true);
      here.replaceWith(node);
      window.quireReplaced.push(node);
      replaced++;
    }
  };
  // The elements replaced, for the print that follows (splice.ts: which pages to print again).
  window.quireReplaced = [];
  window.quireHeadings = false;
  const headings = (el) => [...(el.matches('h1, h2, h3, h4, h5, h6') ? [el] : []),
    ...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.textContent).join('\\n');
  const root = document.documentElement;
  if (shallow(old.documentElement) !== shallow(next.documentElement)) return -1;
  if (shallow(root) !== shallow(old.documentElement)) return -1;
  try {
    for (const part of ['head', 'body']) {
      const a = old[part], b = next[part], live = document[part];
      if (!a || !b || !live || a.isEqualNode(b)) continue;
      if (!enterable(live, a, b)) return -1;
      sync(live, a, b);
    }
  } catch {
    return -1;
  }
  return replaced;
`;
