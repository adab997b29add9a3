import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TemplateSet } from '../../src/render/html/templates.js';
import { rememberedCounts, startRememberedBuild } from '../../src/util/memo.js';

/**
 * `include` looks a partial's output up under the values of the variables it reads: the same values give
 * the same text without rendering it, a changed value renders it again, the variables it assigns are
 * assigned again on a hit, and a partial with effects of another kind (a cycle) is rendered every time.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'quire-partials-'));
mkdirSync(path.join(dir, 'partials'));
const files: Record<string, string> = {
  'page.liquid':
    '{% for ch in chapters %}{% include "partials/chapter.liquid" %}{% endfor %}|last={{ lastTitle }}' +
    '|{% for ch in chapters %}{% include "partials/cycle.liquid" %}{% endfor %}',
  'partials/chapter.liquid':
    '<h2>{{ labels.chapter }} {{ ch.number }}: {{ ch.title }}</h2>{% assign lastTitle = ch.title | upcase %}',
  'partials/cycle.liquid': '{% cycle "odd", "even" %}',
  'refs.liquid': '{% for ch in chapters %}{% include "partials/ref.liquid" %}{% endfor %}',
  'partials/ref.liquid': '[{{ ch.title }} p. {{ pages[ch.title] }}]',
  'glossary.liquid': '{% include "partials/list.liquid" %}|last={{ lastEntry }}',
  'partials/list.liquid': '<dl>{% for t in entries %}{% include "partials/entry.liquid" %}{% endfor %}</dl>',
  'partials/entry.liquid': '<dt>{{ t.name }}</dt><dd>{{ t.text }}</dd>{% assign lastEntry = t.name %}',
};
for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chapters = (titles: string[]) => titles.map((title, i) => ({ number: i + 1, title, unread: `x${i}` }));
const partials = () => rememberedCounts().partials ?? { ran: 0, reused: 0 };

describe('remembered partials', () => {
  const templates = new TemplateSet(dir);
  const render = (view: Record<string, unknown>) => {
    startRememberedBuild();
    return templates.render(view.entries ? 'glossary.liquid' : 'page.liquid', view);
  };

  it('renders again only the chapter whose values changed, and writes what rendering would', () => {
    const labels = { chapter: 'Chapter' };
    const first = render({ chapters: chapters(['One', 'Two', 'Three']), labels });
    expect(first).toBe('<h2>Chapter 1: One</h2><h2>Chapter 2: Two</h2><h2>Chapter 3: Three</h2>|last=THREE|oddevenodd');
    expect(partials().ran).toBe(3);

    // A field the partial does not read changes nothing; one it reads renders that chapter again.
    const view = { chapters: chapters(['One', 'Two (edited)', 'Three']), labels };
    view.chapters[0]!.unread = 'changed';
    const second = render(view);
    expect(second).toBe(
      '<h2>Chapter 1: One</h2><h2>Chapter 2: Two (edited)</h2><h2>Chapter 3: Three</h2>|last=THREE|oddevenodd',
    );
    expect(partials()).toEqual({ ran: 1, reused: 2 });
  });

  it('assigns again what a remembered partial assigned, and renders a cycling partial every time', () => {
    const labels = { chapter: 'Chapter' };
    render({ chapters: chapters(['A', 'B']), labels });
    // Every chapter looked up: the variable the last one assigned is still there, the cycle still turns.
    const again = render({ chapters: chapters(['A', 'B']), labels });
    expect(again).toBe('<h2>Chapter 1: A</h2><h2>Chapter 2: B</h2>|last=B|oddeven');
    expect(partials()).toEqual({ ran: 0, reused: 2 });
    // A label every chapter reads renders them all again.
    expect(render({ chapters: chapters(['A', 'B']), labels: { chapter: 'Kapitel' } })).toContain('Kapitel 2: B');
    expect(partials()).toEqual({ ran: 2, reused: 0 });
  });

  it('renders again only the entries that changed inside a partial that changed', () => {
    const entries = (edited = '') =>
      ['A', 'B', 'C', 'D'].map((name) => ({ name, text: name === 'B' ? `bee${edited}` : name.toLowerCase() }));
    const expected = (b: string) =>
      `<dl>${entries(b)
        .map((t) => `<dt>${t.name}</dt><dd>${t.text}</dd>`)
        .join('')}</dl>`;
    expect(render({ entries: entries() })).toBe(`${expected('')}|last=D`);
    expect(partials().ran).toBe(5);
    // One entry edited: the list renders again, and in it that entry only; the last entry's assignment stands.
    expect(render({ entries: entries(' (edited)') })).toBe(`${expected(' (edited)')}|last=D`);
    expect(partials()).toEqual({ ran: 2, reused: 3 });
    // Nothing changed: the list is looked up whole, its entries are not reached.
    expect(render({ entries: entries(' (edited)') })).toBe(`${expected(' (edited)')}|last=D`);
    expect(partials()).toEqual({ ran: 0, reused: 1 });
  });

  it('writes out a value every chapter reads once per render, not once per chapter', () => {
    // `pages[ch.title]`: the partial reads the whole map (its key is computed), as a printed book's chapters
    // read the page numbers of every link target. Its JSON is made once per render, however many chapters.
    let written = 0;
    const pagesOf = (numbers: Record<string, number>) => ({
      ...numbers,
      toJSON: () => (written++, numbers),
    });
    const refs = (view: Record<string, unknown>) => (startRememberedBuild(), templates.render('refs.liquid', view));
    const titles = Array.from({ length: 12 }, (_, i) => `C${i}`);
    const numbers = Object.fromEntries(titles.map((t, i) => [t, i + 1]));
    expect(refs({ chapters: chapters(titles), pages: pagesOf(numbers) })).toBe(
      titles.map((t, i) => `[${t} p. ${i + 1}]`).join(''),
    );
    expect(written).toBe(1);
    expect(partials().ran).toBe(12);
    // The same numbers in a new render: every chapter looked up; one number moved: every chapter renders again.
    expect(refs({ chapters: chapters(titles), pages: pagesOf(numbers) })).toContain('[C11 p. 12]');
    expect(partials()).toEqual({ ran: 0, reused: 12 });
    expect(refs({ chapters: chapters(titles), pages: pagesOf({ ...numbers, C11: 13 }) })).toContain('[C11 p. 13]');
    expect(partials().ran).toBe(12);
    expect(written).toBe(3);
  });
});
