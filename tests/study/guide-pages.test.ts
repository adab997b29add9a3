/**
 * The study aids as a reader meets them in the built guide: the glossary of treaties in the HTML (what the
 * model knows of each instrument: status, history, parties, protocols) and the timeline's length in print.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildView } from '../../src/render/view/index.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../../src/render/html/templates.js';
import { labelsFor } from '../../src/util/labels.js';
import { seedGuide } from '../support/seed-guide.js';
import { runQuire } from '../support/cli.js';
import { pdfText } from '../support/inspect.js';
import { ROOT } from '../support/content.js';

const guide = seedGuide();
const labels = labelsFor('en');
const html = new TemplateSet(DEFAULT_TEMPLATES).render(
  'guide.html.liquid',
  buildView(guide, { paper: 'A4', assets: 'assets/' }) as unknown as Record<string, unknown>,
);

/** The text a reader sees for a glossary entry (by its name, or `#` and its id): term and definition, no tags. */
function entry(name: string): string {
  const glossary = html.slice(html.indexOf('id="glossary-treaties"'));
  const dt = [...glossary.matchAll(/<dt id="([^"]+)"[^>]*>([^]*?)<\/dt>\s*<dd[^>]*>([^]*?)<\/dd>/g)].find((m) =>
    name.startsWith('#') ? m[1] === name.slice(1) : m[2]!.replace(/<[^>]+>/g, '').startsWith(name),
  );
  expect(dt, name).toBeDefined();
  return `${dt![2]} ${dt![3]}`
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the glossary of treaties shows what the guide knows of each instrument (the seeds)', () => {
  it('a treaty only negotiated is shown as never concluded, with no date of signing', () => {
    // "In April 1939, Litvinov launched the tripartite alliance negotiations …": the alliance was never signed.
    const triple = entry('Triple Alliance');
    expect(triple).toContain(labels.treatyNegotiated);
    expect(triple).not.toContain(labels.treatySigned);
    expect(triple).not.toMatch(/\(\w+ \d+, \d{4}\)/);
  });

  it('a denounced treaty shows its signing and its denunciation, each with its date', () => {
    // "On November 28, the Soviet Union denounced the 1932 Soviet–Finnish Non-Aggression Pact" (1939).
    const finnish = entry('Soviet–Finnish Non-Aggression Pact');
    expect(finnish).toContain(`${labels.treatySigned} 1932`);
    expect(finnish).toContain(`${labels.treatyDenounced} November 28, 1939`);
    expect(finnish).toContain(`${labels.parties}: Soviet Union, Finland`);
  });

  it('a ratified treaty shows both dates; protocols stand under their treaty', () => {
    const pact = entry('Molotov–Ribbentrop Pact');
    expect(pact).toContain(`${labels.treatySigned} August 23, 1939`);
    expect(pact).toContain(`${labels.treatyRatified} August 31, 1939`);
    // "France's ratification of the treaty provided one of the reasons why Hitler remilitarized the Rhineland
    // on March 7, 1936": ratified, on a day the sources do not give.
    const franco = entry('Franco-Soviet Treaty of Mutual Assistance');
    expect(franco).toContain(`${labels.treatySigned} May 2, 1935`);
    expect(franco).toContain(labels.treatyRatified);
    expect(franco).not.toContain('1936');
    expect(entry('Molotov–Ribbentrop Pact')).toMatch(new RegExp(`${labels.treatyProtocols}: [^.]*[Ss]ecret`));
    // Every treaty the model gives a history shows each of its steps with its date.
    const word = { signed: 'treatySigned', ratified: 'treatyRatified', denounced: 'treatyDenounced' } as const;
    for (const t of guide.glossaries.treaties.filter((x) => x.history?.length))
      for (const h of t.history!) {
        const step = labels[word[h.status as keyof typeof word] ?? 'treatySigned'];
        const year = h.date ? ` ${h.date.slice(0, 4)}` : '';
        expect(entry(`#${t.id}`), t.name).toMatch(new RegExp(`${step}[^;]*${year}`));
      }
  });

  it('in another language, the words are that language’s', () => {
    const de = labelsFor('de');
    expect(de.treatyNegotiated).not.toBe(labels.treatyNegotiated);
    expect(labelsFor('xx').treatyNegotiated).toBe(labels.treatyNegotiated);
  });
});

describe('the timeline in print (the seed guide, built)', () => {
  let out: string;
  let pdf: string;
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'quire-timeline-pages-'));
    const r = await runQuire([
      'build',
      '--content',
      path.join(ROOT, 'content'),
      '--out',
      out,
      '--formats',
      'pdf',
      '--progress',
      'silent',
    ]);
    expect(r.code, r.stderr).toBe(0);
    pdf = path.join(
      out,
      readdirSync(out).find((f) => f.endsWith('.pdf'))!,
    );
  }, 180_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the figure of treaties and terms stands on pages of its own, titled, after the glossaries', () => {
    const pages = pdfText(pdf).split('\f');
    const title = labels.figureCaption;
    const first = pages.findIndex((p) => p.trimStart().startsWith(title));
    expect(first).toBeGreaterThan(0);
    const glossary = pages.findIndex((p) => p.trimStart().startsWith(labels.treaties));
    const timeline = pages.findIndex((p) =>
      new RegExp(`^\\s*${labels.timeline}\\s*$`, 'm').test(p.split('\n')[0] ?? ''),
    );
    expect(glossary).toBeGreaterThan(0);
    expect(first).toBeGreaterThan(glossary);
    expect(timeline).toBeGreaterThan(first);
    // Its pages hold the figure's labels (its key on each part), nothing of the glossary or the table.
    for (const p of pages.slice(first, timeline)) {
      expect(p).toContain(labels.treatyLane);
      expect(p).not.toMatch(new RegExp(`^\\s*${labels.date}\\s{2,}${labels.event}\\s*$`, 'm'));
    }
  });

  it('fits in four printed pages, one line an event', () => {
    // The table of events repeats its header ("Date  Event") on every page it runs over.
    const header = new RegExp(`^\\s*${labels.date}\\s{2,}${labels.event}\\s*$`, 'm');
    const pages = pdfText(pdf)
      .split('\f')
      .map((text, i) => ({ page: i + 1, text }))
      .filter((p) => header.test(p.text));
    expect(pages.length).toBeGreaterThan(0);
    // Consecutive pages, and every event of the guide on them.
    expect(pages.at(-1)!.page - pages[0]!.page + 1).toBe(pages.length);
    // The whole section, from its heading (and the figure under it) to the table's last row, in four pages.
    const heading = pdfText(pdf)
      .split('\f')
      .findIndex((text) => new RegExp(`^\\s*${labels.timeline}\\s*$`, 'm').test(text.split('\n')[0] ?? ''));
    expect(heading).toBeGreaterThan(0);
    expect(pages.at(-1)!.page - (heading + 1) + 1).toBeLessThanOrEqual(4);
    const printed = pages.map((p) => p.text.replace(/\s+/g, ' ')).join(' ');
    for (const e of guide.glossaries.timeline)
      expect(printed, e.text).toContain(e.text.split(' ').slice(0, 4).join(' '));
  });
});
