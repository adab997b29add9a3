/**
 * The mdast extensions Quire's model uses, registered with mdast's types (module augmentation), so readers,
 * the merge and renderers share one typed tree:
 * - `data` fields: a table's caption, a cell's header flag and spans, a quotation's attribution, a figure.
 * - phrasing: `subscript` and `superscript` (wikitext/HTML `<sub>`/`<sup>`); `inlineMath` comes from
 *   mdast-util-math, whose types register `math` and `inlineMath` themselves.
 * - blocks: `defList` with `defListTerm`/`defListDescription` (the shape of mdast-util-definition-list).
 */
import type { Parent, PhrasingContent } from 'mdast';
import type {} from 'mdast-util-math';

export interface Subscript extends Parent {
  type: 'subscript';
  children: PhrasingContent[];
}
export interface Superscript extends Parent {
  type: 'superscript';
  children: PhrasingContent[];
}
export interface DefListTerm extends Parent {
  type: 'defListTerm';
  children: PhrasingContent[];
}
export interface DefListDescription extends Parent {
  type: 'defListDescription';
  children: PhrasingContent[];
}
/** A definition list: terms, each followed by its descriptions. */
export interface DefList extends Parent {
  type: 'defList';
  children: (DefListTerm | DefListDescription)[];
}

declare module 'mdast' {
  interface TableData {
    /** The table's caption, as plain text. */
    caption?: string;
  }
  interface TableCellData {
    /** A header cell (`th`). When no cell of a table says, the first row is the header row. */
    header?: boolean;
    colSpan?: number;
    rowSpan?: number;
  }
  interface BlockquoteData {
    /** Who is quoted, and where ("Winston Churchill, speech of 1 October 1939"). */
    attribution?: string;
  }
  interface ParagraphData {
    /** A figure: the paragraph's one child is a local image. */
    figure?: boolean;
    /** The figure's caption, as plain text. */
    caption?: string;
  }
  interface PhrasingContentMap {
    subscript: Subscript;
    superscript: Superscript;
  }
  interface BlockContentMap {
    defList: DefList;
  }
  interface RootContentMap {
    defList: DefList;
    defListTerm: DefListTerm;
    defListDescription: DefListDescription;
    subscript: Subscript;
    superscript: Superscript;
  }
}
