/**
 * The timeline figure: years on an axis, treaties marked where they were signed, and the ambassadors'
 * terms as bars, one row per post (a Gantt of the embassies). Built as a hast tree with hastscript and
 * serialised by hast-util-to-html; black, greys and white only, so it prints in black and white.
 */
import { s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import type { StudyGuide } from '../../model/index.js';
import { nameParts } from '../../util/names.js';

const WIDTH = 960;
const LEFT = 170;
const RIGHT = 20;

export interface Figure {
  svg: string;
  /** A text alternative for readers who cannot see the figure. */
  alt: string;
}

const TREATY_TOP = 16;
const AXIS_Y = TREATY_TOP + 42;

type Ambassador = StudyGuide['glossaries']['ambassadors'][number];
type Treaty = StudyGuide['glossaries']['treaties'][number];

/** Years to x: from the first year of the story to the year after its last. */
interface Scale {
  first: number;
  last: number;
  span: number;
  x: (year: number) => number;
  xDate: (iso: string) => number;
}

/** The span of the story: the terms and treaties (the timeline's stray later dates would squash it). */
function scaleOf(book: StudyGuide, terms: Ambassador[], dated: Treaty[]): Scale | undefined {
  let years = [...terms.flatMap((a) => [a.from!, a.to ?? a.from!]), ...dated.map((t) => Number(t.date!.slice(0, 4)))];
  if (years.length < 2)
    years = book.glossaries.timeline.filter((e) => e.precision === 'day').map((e) => Number(e.date.slice(0, 4)));
  if (years.length < 2) return undefined;
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  const span = last - first;
  const x = (year: number) => LEFT + ((year - first) / span) * (WIDTH - LEFT - RIGHT);
  const xDate = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return x(y! + ((m ?? 1) - 1) / 12 + ((d ?? 1) - 1) / 365);
  };
  return { first, last, span, x, xDate };
}

/** Treaties: a numbered marker above the axis (two staggered rows), named in a legend below the bars. */
function treatyMarkers(dated: Treaty[], scale: Scale): Element[] {
  return dated.flatMap((t, i) => {
    const tx = scale.xDate(t.date!);
    const cy = TREATY_TOP + (i % 2) * 16;
    return [
      s('line', { x1: tx, y1: cy + 6, x2: tx, y2: TREATY_TOP + 40, stroke: '#555', 'stroke-width': 0.6 }),
      s('circle', { cx: tx, cy, r: 6.5, fill: '#fff', stroke: '#000', 'stroke-width': 0.8 }),
      s('text', { x: tx, y: cy + 3, 'font-size': 8, 'text-anchor': 'middle', fill: '#000' }, String(i + 1)),
    ];
  });
}

/** The axis: a tick per year, a label every year or every few years. */
function yearAxis({ first, last, span, x }: Scale): Element[] {
  const step = span > 30 ? 5 : span > 15 ? 2 : 1;
  const out = [s('line', { x1: LEFT, y1: AXIS_Y, x2: WIDTH - RIGHT, y2: AXIS_Y, stroke: '#000', 'stroke-width': 1 })];
  for (let y = first; y <= last; y++) {
    const y2 = AXIS_Y + (y % step === 0 ? 6 : 3);
    out.push(s('line', { x1: x(y), y1: AXIS_Y, x2: x(y), y2, stroke: '#000', 'stroke-width': 0.8 }));
    if (y % step === 0)
      out.push(
        s('text', { x: x(y), y: AXIS_Y + 17, 'font-size': 10, 'text-anchor': 'middle', fill: '#000' }, String(y)),
      );
  }
  return out;
}

/** One post's row from `top`: its name, then a bar per term, alternating black and grey, surname above. */
function postRow(post: string, people: Ambassador[], top: number, { span, x }: Scale): Element[] {
  const out = [s('text', { x: 4, y: top + 16, 'font-size': 10, 'font-weight': 'bold', fill: '#000' }, post)];
  people.forEach((a, i) => {
    const x1 = x(a.from!);
    const x2 = Math.max(
      x(a.to ?? a.from!) + (a.to === a.from || a.to === null ? (WIDTH - LEFT - RIGHT) / span / 2 : 0),
      x1 + 3,
    );
    const fill = i % 2 ? '#9a9a9a' : '#1a1a1a';
    const bar = { x: x1, y: top + 10, width: x2 - x1, height: 12, fill, stroke: '#000', 'stroke-width': 0.5 };
    out.push(
      s('rect', bar, [s('title', `${a.name}, ${a.post}, ${a.term}`)]),
      s('text', { x: x1, y: i % 2 ? top + 34 : top + 6, 'font-size': 8.5, fill: '#000' }, nameParts(a.name).surname),
    );
  });
  return out;
}

/** The treaties by number, in two columns, from `top`. */
function treatyLegend(dated: Treaty[], top: number): Element[] {
  const half = Math.ceil(dated.length / 2);
  return dated.map((t, i) => {
    const col = i < half ? 0 : 1;
    const row = i < half ? i : i - half;
    return s(
      'text',
      { x: 4 + col * (WIDTH / 2), y: top + 8 + row * 13, 'font-size': 9.5, fill: '#000' },
      `${i + 1}  ${t.name} (${t.date!.slice(0, 4)})`,
    );
  });
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

export function timelineFigure(book: StudyGuide): Figure | undefined {
  const { ambassadors, treaties } = book.glossaries;
  const terms = ambassadors.filter((a) => a.from !== null);
  const dated = treaties.filter((t) => t.date);
  const scale = scaleOf(book, terms, dated);
  if (!scale) return undefined;
  const children: Element[] = [...treatyMarkers(dated, scale), ...yearAxis(scale)];
  let top = AXIS_Y + 34;
  const posts = [...new Set(terms.map((a) => a.post))];
  for (const post of posts) {
    const people = terms.filter((a) => a.post === post).sort((a, b) => a.from! - b.from!);
    children.push(...postRow(post, people, top, scale));
    top += 50;
  }
  children.push(...treatyLegend(dated, top));
  top += 12 + Math.ceil(dated.length / 2) * 13;
  const height = top + 4;
  const title = `Timeline of ${book.meta.title}`;
  const alt = altText(title, dated, terms, posts);
  const svg = s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: WIDTH,
      height,
      role: 'img',
      'aria-labelledby': 'timeline-figure-title',
      'font-family': 'Source Sans 3, sans-serif',
    },
    [
      s('title', { id: 'timeline-figure-title' }, title),
      s('desc', alt),
      s('rect', { x: 0, y: 0, width: WIDTH, height, fill: '#fff' }),
      ...children,
    ],
  );
  return { svg: toHtml(svg, { space: 'svg' }), alt };
}
