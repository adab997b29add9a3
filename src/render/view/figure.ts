/**
 * The timeline figure: the treaties by date of signing and the ambassadors' terms, one lane per post, on a
 * vertical axis of years. Vertical, so that it reads at body size on a phone (390 px) as on A4: the view box
 * is as wide as a phone's text column (one unit ≈ one CSS pixel there) and no text is smaller than 12 units.
 * Every item has its own label in a column beside the lanes, pushed down below the one before (labels never
 * overlap) and wrapped to the column's width, with a leader line to where it belongs on the axis; the axis
 * gives a crowded year the room its labels need, so each label stands beside its mark (`scale`). A long
 * story is split by period into several figures, none taller than a printed page holds.
 *
 * Built as hast trees with hastscript and serialised by hast-util-to-html; colours are CSS classes, so it
 * follows a dark colour scheme on screen and in e-readers, and prints in black and greys.
 */
import { s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import type { StudyGuide } from '../../model/index.js';
import { nameParts } from '../../util/names.js';
import { labelsFor } from '../../util/labels.js';
import { memoize } from '../../util/memo.js';

/** The view box's width: a phone's text column in CSS pixels. */
export const WIDTH = 345;
/**
 * The print variant's view box: narrower, so that two parts stand side by side on a page (the print style sets
 * each 80 mm wide: 12 units of text are then 10.9 pt, body size), its periods balanced in height.
 */
export const PRINT_WIDTH = 250;
/** The smallest text, in view-box units. */
export const TEXT = 12;
const LINE = 15;
const AXIS_X = 38;
const LANE_X = 46;
const LANE_W = 9;
const LANE_GAP = 4;
/**
 * The gap between consecutive terms in a lane: each term in its lane's own shade (a lighter shade for every
 * second term read as another post's), set apart by a gap.
 */
const TERM_GAP = 3;
const TOP = 10;
/** The tallest part, in units: with the print style's width for the figure, it fits a page with its caption. */
const MAX_HEIGHT = 620;
/** The print variant's tallest part: two side by side fill at most the page under the section's heading. */
const PRINT_MAX_HEIGHT = 700;

/** The figure's shape: the view box's width and the tallest part it may have. */
interface Shape {
  width: number;
  maxHeight: number;
  /** Periods of as even heights as the number of parts allows (print: parts stand side by side). */
  balanced?: boolean;
}
const PHONE: Shape = { width: WIDTH, maxHeight: MAX_HEIGHT };
export const PRINT: Shape = { width: PRINT_WIDTH, maxHeight: PRINT_MAX_HEIGHT, balanced: true };
/** Average advance of a character of the labels' font, in em (Source Sans 3 runs narrower: a safe guess). */
const CHAR_EM = 0.56;

export interface FigurePart {
  svg: string;
  /** The years it covers, e.g. "1918–1929". */
  period: string;
  /** A text alternative for this part: what it shows, item by item. */
  alt: string;
}

export interface Figure {
  parts: FigurePart[];
  /** A text alternative for readers who cannot see the figure. */
  alt: string;
  /** The figure's facts, as rows of a table. */
  rows: { when: string; what: string; lane: string }[];
}

/** What the figure draws of an ambassador's term and of a treaty. */
type Ambassador = Pick<StudyGuide['glossaries']['ambassadors'][number], 'name' | 'post' | 'from' | 'to' | 'term'>;
type Treaty = Pick<StudyGuide['glossaries']['treaties'][number], 'name' | 'date'>;

/** One thing on the figure: a treaty (a point in time) or a term (a span, in a post's lane). */
interface Item {
  start: number;
  end: number;
  /** The post's lane; -1 for treaties. */
  lane: number;
  /** The term's place in its lane (0, 1, 2…). */
  nth: number;
  label: string;
  /** For the table and the tooltip. */
  when: string;
  what: string;
}

/** The year of an ISO date as a reader writes it: "843", not "0843". */
const writtenYear = (iso: string) => String(Number(iso.slice(0, 4)));

/** A fractional year from an ISO date (year, year-month or full date). */
function yearOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return y! + ((m ?? 7) - 1) / 12 + ((d ?? 15) - 1) / 365;
}

function itemsOf(terms: Ambassador[], dated: Treaty[], posts: string[]): Item[] {
  const treaties = dated.map((t) => ({
    start: yearOf(t.date!),
    end: yearOf(t.date!),
    lane: -1,
    nth: 0,
    // "German–Soviet Commercial Agreement (1939)", "Mutual assistance treaty (Soviet Union–Estonia, 1939)"
    // carry their year already.
    label: new RegExp(`\\b${writtenYear(t.date!)}\\b`).test(t.name) ? t.name : `${t.name} (${writtenYear(t.date!)})`,
    when: t.date!,
    what: t.name,
  }));
  const seen = new Map<string, number>();
  const nth = (post: string) => {
    const n = seen.get(post) ?? 0;
    seen.set(post, n + 1);
    return n;
  };
  const people = [...terms]
    .sort((a, b) => a.from! - b.from!)
    .map((a) => ({
      // A term "1921–1930" runs from some time in 1921 to some time in 1930: drawn mid-year to mid-year.
      start: a.from! + 0.25,
      end: Math.max((a.to ?? a.from!) + 0.75, a.from! + 0.5),
      lane: posts.indexOf(a.post),
      nth: nth(a.post),
      label: `${nameParts(a.name).surname || a.name}, ${a.term}`,
      when: a.term,
      what: a.name,
    }));
  return [...treaties, ...people].sort((a, b) => a.start - b.start || a.lane - b.lane);
}

/** Words into lines no wider than `width` units (a word longer than a line stands alone). */
export function wrap(text: string, width: number, size = TEXT): string[] {
  const max = Math.max(8, Math.floor(width / (size * CHAR_EM)));
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

interface Layout {
  first: number;
  last: number;
  /** Where a (fractional) year stands on the axis. */
  y: (year: number) => number;
  labelX: number;
  /** Each item's label: its lines and top. */
  placed: { item: Item; lines: string[]; top: number }[];
  height: number;
}

/** The least height of a year on the axis: room for its label. */
const YEAR_MIN = LINE + 3;

/**
 * The axis's scale: each year as tall as the labels of what began in it need (at least `YEAR_MIN`), and within
 * a year each item where its label, stacked under the ones before it, has its middle — so that a crowded year
 * is drawn taller and every label stands beside its mark instead of being pushed years away. Time then runs
 * at a different pace from year to year (a term's bar is not drawn to one scale); the year ticks say where
 * each year runs, and the order of things is kept.
 */
function scale(wrapped: { item: Item; lines: string[] }[], first: number, last: number, top: number) {
  const years = Math.max(1, Math.ceil(last - first));
  const yearOfItem = (t: number) => Math.min(years - 1, Math.max(0, Math.floor(t - first)));
  const needs = Array.from({ length: years }, () => 0);
  for (const { item, lines } of wrapped) needs[yearOfItem(item.start)]! += lines.length * LINE + 3;
  const heights = needs.map((need) => Math.max(YEAR_MIN, need));
  const starts = heights.reduce<number[]>((acc, h) => [...acc, acc[acc.length - 1]! + h], [top]);
  // Knots (time → place): each year's start, and each item's start at its stacked label's middle.
  const knots: [number, number][] = starts.map((y, k) => [first + k, y]);
  const stacked = Array.from({ length: years }, () => 0);
  for (const { item, lines } of [...wrapped].sort((a, b) => a.item.start - b.item.start)) {
    const k = yearOfItem(item.start);
    knots.push([Math.min(Math.max(item.start, first), last), starts[k]! + stacked[k]! + (lines.length * LINE) / 2]);
    stacked[k]! += lines.length * LINE + 3;
  }
  knots.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // One place per time: the first (a year's start wins over an item that begins with it).
  const curve = knots.filter((k, i) => i === 0 || k[0] > knots[i - 1]![0]);
  return (year: number) => {
    const t = Math.min(Math.max(year, first), first + years);
    const i = curve.findIndex((k) => k[0] >= t);
    if (i < 0) return curve[curve.length - 1]![1];
    const [t1, y1] = curve[i]!;
    if (i === 0 || t1 === t) return y1;
    const [t0, y0] = curve[i - 1]!;
    return y0 + ((t - t0) / (t1 - t0)) * (y1 - y0);
  };
}

/** Labels placed top-down at their item's year, each below the one before; the scale fits them. */
function layout(items: Item[], lanes: number, first: number, last: number, top: number, shape = PHONE): Layout {
  const labelX = LANE_X + (lanes + 1) * (LANE_W + LANE_GAP) + 14;
  const width = shape.width - labelX - 2;
  const wrapped = items.map((item) => ({ item, lines: wrap(item.label, width) }));
  const y = scale(wrapped, first, last, top);
  const placed = dodge(
    wrapped.map(({ item, lines }) => ({
      item,
      lines,
      want: y(item.start) - (lines.length * LINE) / 2,
      height: lines.length * LINE,
    })),
    top - LINE / 2,
  );
  const bottom = Math.max(...placed.map((p) => p.top + p.lines.length * LINE), top);
  return { first, last, y, labelX, placed, height: Math.max(y(last), bottom) + 8 };
}

/**
 * Labels without overlap, each as near its wanted top as the others allow: labels that would overlap form a
 * cluster, set around the mean of its members' wanted places (not only pushed down), never above `min`.
 */
export function dodge<T extends { want: number; height: number }>(
  labels: T[],
  min: number,
  gap = 3,
): (T & { top: number })[] {
  type Cluster = { members: T[]; top: number; height: number };
  const clusters: Cluster[] = [];
  const settle = (c: Cluster) => {
    let offset = 0;
    let sum = 0;
    for (const m of c.members) {
      sum += m.want - offset;
      offset += m.height + gap;
    }
    c.top = Math.max(min, sum / c.members.length);
  };
  for (const label of labels) {
    const cluster: Cluster = { members: [label], top: Math.max(min, label.want), height: label.height };
    clusters.push(cluster);
    for (;;) {
      const last = clusters[clusters.length - 1]!;
      const before = clusters[clusters.length - 2];
      if (!before || before.top + before.height + gap <= last.top) break;
      clusters.pop();
      before.members.push(...last.members);
      before.height += gap + last.height;
      settle(before);
    }
  }
  return clusters.flatMap((c) => {
    let top = c.top;
    return c.members.map((m) => {
      const placed = { ...m, top };
      top += m.height + gap;
      return placed;
    });
  });
}

const STYLE = `
.bg { fill: #fff; } .ink { fill: #000; } .line { stroke: #000; } .soft { stroke: #777; }
.lane0 { fill: #1a1a1a; } .lane1 { fill: #8a8a8a; } .lane2 { fill: #c4c4c4; } .lane3 { fill: #555; }
.mark { fill: #fff; stroke: #000; }
@media (prefers-color-scheme: dark) {
  .bg { fill: #1b1a18; } .ink { fill: #e8e6e1; } .line { stroke: #e8e6e1; } .soft { stroke: #8f8b84; }
  .lane0 { fill: #e8e6e1; } .lane1 { fill: #9a968f; } .lane2 { fill: #5d5a55; } .lane3 { fill: #c4c0b8; }
  .mark { fill: #1b1a18; stroke: #e8e6e1; }
}
@media print { .bg { fill: #fff; } }`;

const text = (x: number, y: number, content: string, extra: Record<string, unknown> = {}) =>
  s('text', { x, y, 'font-size': TEXT, class: 'ink', ...extra }, content);

/** Lines of text from `top`, one tspan each. */
const textLines = (x: number, top: number, lines: string[]) =>
  s(
    'text',
    { x, y: top + TEXT - 1, 'font-size': TEXT, class: 'ink' },
    lines.map((line, i) => s('tspan', { x, y: top + TEXT - 1 + i * LINE }, line)),
  );

/** The axis: a tick and label per year. */
function axis(l: Layout, top: number): Element[] {
  const { y } = l;
  const out = [s('line', { x1: AXIS_X, y1: top, x2: AXIS_X, y2: y(l.last), class: 'line', 'stroke-width': 1 })];
  // Every year is at least a label's height tall (`YEAR_MIN`): each is labelled.
  for (let year = Math.ceil(l.first); year <= l.last; year++) {
    out.push(s('line', { x1: AXIS_X, y1: y(year), x2: AXIS_X - 5, y2: y(year), class: 'line' }));
    out.push(text(AXIS_X - 7, y(year) + 4, String(year), { 'text-anchor': 'end' }));
  }
  return out;
}

const laneX = (lane: number, lanes: number) => LANE_X + (lane < 0 ? lanes : lane) * (LANE_W + LANE_GAP);

/** Bars, treaty marks, labels and their leader lines. */
function marks(l: Layout, lanes: number): Element[] {
  const { y } = l;
  const clip = (year: number) => Math.min(Math.max(year, l.first), l.last);
  const out: Element[] = [];
  for (const { item, lines, top: at } of l.placed) {
    const x = laneX(item.lane, lanes);
    const y1 = y(clip(item.start));
    if (item.lane < 0) {
      out.push(s('circle', { cx: x + LANE_W / 2, cy: y1, r: 3.5, class: 'mark', 'stroke-width': 1 }));
    } else {
      // Consecutive terms in a lane: a gap between them, and every second one lighter.
      const height = Math.max(y(clip(item.end)) - y1 - TERM_GAP, 3);
      const lane = `lane${item.lane % 4}${item.nth % 2 ? ' next' : ''}`;
      out.push(s('rect', { x, y: y1, width: LANE_W, height, class: lane }, [s('title', `${item.what}, ${item.when}`)]));
    }
    const mid = at + (lines.length * LINE) / 2 - 1;
    const from = x + LANE_W + 1;
    out.push(
      s('polyline', {
        points: `${from},${y1} ${l.labelX - 10},${y1} ${l.labelX - 3},${mid}`,
        fill: 'none',
        class: 'soft',
        'stroke-width': 0.7,
      }),
      lines.length === 1 ? text(l.labelX, at + TEXT - 1, lines[0]!) : textLines(l.labelX, at, lines),
    );
  }
  return out;
}

/** The key: a swatch and name per lane (posts, then treaties), wrapped; returns its elements and height. */
function key(posts: string[], treaties: string, shape = PHONE): { elements: Element[]; height: number } {
  const out: Element[] = [];
  let y = TOP;
  const rows = [...posts.map((p, i) => ({ name: p, lane: i })), { name: treaties, lane: -1 }];
  for (const { name, lane } of rows) {
    const lines = wrap(name, shape.width - 24);
    out.push(
      lane < 0
        ? s('circle', { cx: 6.5, cy: y + 6, r: 3.5, class: 'mark', 'stroke-width': 1 })
        : s('rect', { x: 2, y: y + 1, width: LANE_W, height: 10, class: `lane${lane % 4}` }),
    );
    out.push(textLines(18, y, lines));
    y += lines.length * LINE + 2;
  }
  return { elements: out, height: y - TOP + 8 };
}

/**
 * Periods of whole years whose figures stay under the shape's tallest part (a period may run over when one
 * year does); balanced, as many parts of heights as even as whole years allow.
 */
function periods(
  items: Item[],
  lanes: number,
  [first, last]: [number, number],
  keyHeight: number,
  shape: Shape,
): [number, number][] {
  const greedy = (max: number) => {
    const out: [number, number][] = [];
    let from = first;
    while (from < last) {
      let to = from + 1;
      const fits = (end: number) => {
        const inside = items.filter((i) => i.start >= from && i.start < end);
        return layout(inside, lanes, from, end, TOP + keyHeight, shape).height <= max;
      };
      while (to < last && fits(to + 1)) to++;
      out.push([from, to]);
      from = to;
    }
    return out;
  };
  const fewest = greedy(shape.maxHeight);
  if (!shape.balanced || fewest.length < 2) return fewest;
  // The lowest tallest part (to 10 units) that needs no more parts than the fewest: fewer parts never come
  // with a lower bound, so a binary search finds it.
  let [low, high] = [shape.maxHeight / fewest.length, shape.maxHeight];
  let best = fewest;
  while (high - low > 10) {
    const mid = (low + high) / 2;
    const even = greedy(mid);
    if (even.length <= fewest.length) [high, best] = [mid, even];
    else low = mid;
  }
  return best;
}

function svgOf(title: string, alt: string, children: Element[], height: number, width: number): string {
  const tree = s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${Math.ceil(height)}`,
      width,
      height: Math.ceil(height),
      role: 'img',
      'aria-label': alt,
      'font-family': "'Source Sans 3', sans-serif",
    },
    [
      s('title', title),
      s('style', STYLE),
      s('rect', { x: 0, y: 0, width, height: Math.ceil(height), class: 'bg' }),
      ...children,
    ],
  );
  return toHtml(tree, { space: 'svg' });
}

/** A text alternative: the treaties with their dates, then each post's people with their terms. */
function altText(title: string, dated: Treaty[], terms: Ambassador[], posts: string[]): string {
  const people = (post: string) =>
    terms
      .filter((a) => a.post === post)
      .map((a) => `${a.name} ${a.term}`)
      .join(', ');
  const treaties = dated.map((t) => `${t.name}, ${t.date}`).join('; ');
  return `${title}: ${treaties}. ${posts.map((p) => `${p}: ${people(p)}`).join('. ')}.`;
}

/** What a figure is drawn from: the terms and treaties with a date, the book's language and title. */
interface FigureInput {
  terms: Ambassador[];
  dated: Treaty[];
  language: string;
  title: string;
  shape: Shape;
}

/**
 * The figure of a guide: phone-wide by default (screen, EPUB); `PRINT` for the printed page. Remembered by
 * what it is drawn from: an edit that changes no term or treaty (most edits) draws no figure again, where the
 * web page, its print and the EPUB drew three.
 */
export function timelineFigure(book: StudyGuide, shape: Shape = PHONE): Figure | undefined {
  const { ambassadors, treaties } = book.glossaries;
  const input: FigureInput = {
    terms: ambassadors
      .filter((a) => a.from !== null)
      .map(({ name, post, from, to, term }) => ({ name, post, from, to, term })),
    dated: treaties.filter((t) => t.date).map(({ name, date }) => ({ name, date })),
    language: book.meta.language,
    title: book.meta.title,
    shape,
  };
  return rememberedFigure(input) || undefined;
}

const rememberedFigure = memoize(
  (input: FigureInput): Figure | false => drawFigure(input) ?? false,
  (input) => JSON.stringify(input),
  20,
  { name: 'timeline-figures' },
);

function drawFigure({ terms, dated, language, title: bookTitle, shape }: FigureInput): Figure | undefined {
  const posts = [...new Set(terms.map((a) => a.post))];
  const items = itemsOf(terms, dated, posts);
  if (items.length < 2) return undefined;
  const first = Math.floor(Math.min(...items.map((i) => i.start)));
  const last = Math.floor(Math.max(...items.map((i) => i.end))) + 1;
  // Quire's own words in the book's language (util/labels.ts).
  const labels = labelsFor(language);
  const title = `${labels.timelineOf} ${bookTitle}`;
  const { elements: keyElements, height: keyHeight } = key(posts, labels.treatyLane, shape);
  const parts = periods(items, posts.length, [first, last], keyHeight, shape).map(([from, to]) => {
    const top = TOP + keyHeight;
    // Terms that began before the period and run into it are drawn (their labels stand where they began).
    const inside = items.filter((i) => i.start >= from && i.start < to);
    const l = layout(inside, posts.length, from, to, top, shape);
    const running = items
      .filter((i) => i.lane >= 0 && i.start < from && i.end > from)
      .map((item) => {
        const y1 = top;
        const y2 = l.y(Math.min(item.end, to));
        const x = laneX(item.lane, posts.length);
        return s(
          'rect',
          {
            x,
            y: y1,
            width: LANE_W,
            height: y2 - y1 - TERM_GAP,
            class: `lane${item.lane % 4}${item.nth % 2 ? ' next' : ''}`,
          },
          [s('title', `${item.what}, ${item.when}`)],
        );
      });
    const period = `${from}–${to}`;
    const said = (i: Item) => `${i.what}${i.lane < 0 ? '' : ` (${posts[i.lane]})`}, ${i.when}`;
    const alt = `${title}, ${period}: ${inside.map(said).join('; ')}.`;
    const children = [...keyElements, ...running, ...axis(l, top), ...marks(l, posts.length)];
    return { svg: svgOf(`${title}, ${period}`, alt, children, l.height, shape.width), period, alt };
  });
  const rows = items.map((i) => ({ when: i.when, what: i.what, lane: i.lane < 0 ? labels.treaty : posts[i.lane]! }));
  return { parts, alt: altText(title, dated, terms, posts), rows };
}
