import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWatch, type BuildReport, type Watcher } from '../../src/pipeline/watch.js';
import { CONTENT, SEEDS } from '../support/content.js';
import { DEFAULT_TEMPLATES } from '../../src/render/html/templates.js';
import { pdfText } from '../support/inspect.js';

/** The next build the watcher reports. */
const nextBuild = (w: Watcher) => new Promise<BuildReport>((resolve) => w.once('build', resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const get = async (url: string) => {
  const res = await fetch(url);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    csp: res.headers.get('content-security-policy') ?? '',
    text: await res.text(),
  };
};

describe('quire watch: HTML, book.json and report', () => {
  const content = mkdtempSync(path.join(tmpdir(), 'quire-watch-'));
  cpSync(CONTENT, content, { recursive: true });
  const out = path.join(content, 'out');
  const later = path.join(content, SEEDS.later);
  let watcher: Watcher;
  let guide: string;
  const lines: string[] = [];

  beforeAll(async () => {
    watcher = await startWatch({
      contentDir: content,
      outDir: out,
      formats: ['html', 'json', 'report'],
      port: 0,
      // Long enough that a burst of five saves stays inside it on a loaded CI machine.
      debounceMs: 400,
      log: (l) => lines.push(l),
    });
    guide = `${watcher.url}${watcher.builds[0]!.written.find((n) => n.endsWith('.html') && n !== 'report.html')}`;
  });
  afterAll(async () => {
    await watcher?.close();
  });

  it('builds at start and serves the preview: the guide in a frame, links to every part, a reload script', async () => {
    expect(watcher.builds).toHaveLength(1);
    expect(watcher.builds[0]!.ok).toBe(true);
    expect(lines[0]).toMatch(/build 1: wrote .*\.html.* in \d+ ms/);
    const shell = await get(watcher.url);
    expect(shell.status).toBe(200);
    expect(shell.text).toContain('<iframe name="view"');
    const status = (await (await fetch(`${watcher.url}__quire/status`)).json()) as {
      preview: { chapters: { id: string }[] };
    };
    expect(status.preview.chapters.length).toBeGreaterThanOrEqual(8);
    for (const c of status.preview.chapters) expect(shell.text).toContain(`.html#${c.id}"`);
    expect(shell.text).toContain('#glossary-ambassadors');
    expect(shell.text).toContain('/__quire/preview.js');
    expect((await get(`${watcher.url}__quire/preview.js`)).text).toContain("new EventSource('/__quire/events')");
    const page = await get(guide);
    expect(page.type).toContain('text/html');
    expect(page.csp).toContain("script-src 'none'");
    // Only the output folder is served.
    expect((await get(`${watcher.url}..%2F${SEEDS.later}`)).status).toBe(404);
    expect((await get(`${watcher.url}.quire-manifest.json`)).status).toBe(404);
  });

  it('an edit is rebuilt, announced to the page, and served', async () => {
    const events = await fetch(`${watcher.url}__quire/events`);
    const reader = events.body!.getReader();
    const built = nextBuild(watcher);
    writeFileSync(
      later,
      readFileSync(later, 'utf8').replace('annulling all mutual claims', 'cancelling every mutual claim'),
    );
    const report = await built;
    expect(report.ok).toBe(true);
    expect(report.changed).toEqual([SEEDS.later]);
    expect(report.written.some((n) => n.endsWith('.html'))).toBe(true);
    expect(lines.filter((l) => l.includes('build 2'))).toEqual([
      expect.stringMatching(new RegExp(`build 2 \\(${SEEDS.later.replace('.', '\\.')}\\): wrote .* in \\d+ ms`)),
    ]);
    expect((await get(guide)).text).toContain('cancelling every mutual claim');
    expect((await get(`${watcher.url}book.json`)).text).toContain('cancelling every mutual claim');
    // The page's event stream carried the report.
    let stream = '';
    while (!stream.includes('event: build')) stream += new TextDecoder().decode((await reader.read()).value);
    expect(stream).toContain('"number":2');
    await reader.cancel();
  });

  it('a burst of saves is one rebuild, of the last version', async () => {
    // Let any build the previous edit's trailing file events asked for finish first.
    await sleep(1000);
    const before = watcher.builds.length;
    const built = nextBuild(watcher);
    const text = readFileSync(later, 'utf8');
    for (let i = 1; i <= 5; i++) {
      writeFileSync(later, text.replace('cancelling every mutual claim', `cancelling mutual claims, draft ${i}`));
      await sleep(20);
    }
    await built;
    // Quiet for longer than the debounce: no second rebuild follows.
    await sleep(1000);
    expect(watcher.builds.length).toBe(before + 1);
    expect((await get(guide)).text).toContain('cancelling mutual claims, draft 5');
  });

  it('an invalid edit keeps the last good output and shows the error in the terminal and the page', async () => {
    const config = path.join(content, 'quire.yaml');
    const good = readFileSync(config, 'utf8');
    const failed = nextBuild(watcher);
    writeFileSync(config, `${good}\npaper: A3\n`);
    const report = await failed;
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/quire\.yaml:\d+:\d+: invalid config: unknown key "paper"/);
    expect(lines.at(-1)).toContain('failed');
    expect(lines.at(-1)).toContain('the last good output stays');
    const shell = await get(watcher.url);
    expect(shell.text).toContain('invalid config: unknown key');
    expect(shell.text).toContain('The last good output is shown below.');
    expect((await get(guide)).text).toContain('cancelling mutual claims, draft 5');

    const fixed = nextBuild(watcher);
    writeFileSync(config, good);
    expect((await fixed).ok).toBe(true);
    expect((await get(watcher.url)).text).not.toContain('invalid config');
  });
});

describe('quire watch: the PDF', () => {
  it('Chromium keeps running between rebuilds, and the served PDF shows the edit', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-watch-pdf-'));
    cpSync(CONTENT, content, { recursive: true });
    // A templates folder of the guide's own, to edit the print CSS below.
    cpSync(DEFAULT_TEMPLATES, path.join(content, 'templates'), { recursive: true });
    writeFileSync(
      path.join(content, 'quire.yaml'),
      `${readFileSync(path.join(content, 'quire.yaml'), 'utf8')}\ntemplates: templates\n`,
    );
    const out = path.join(content, 'out');
    const later = path.join(content, SEEDS.later);
    const watcher = await startWatch({
      contentDir: content,
      outDir: out,
      formats: ['pdf'],
      port: 0,
      debounceMs: 100,
      log: () => undefined,
    });
    const served = async (name: string) => {
      const res = await fetch(`${watcher.url}${name}`);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const file = path.join(content, 'served.pdf');
      writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
      return pdfText(file).replace(/\s+/g, ' ');
    };
    try {
      const pid = watcher.session.browsers!.browser!.process()!.pid;
      const printPage = watcher.session.browsers!.print!.page;
      const built = nextBuild(watcher);
      writeFileSync(
        later,
        readFileSync(later, 'utf8').replace('annulling all mutual claims', 'voiding all mutual claims'),
      );
      const report = await built;
      expect(report.ok).toBe(true);
      expect(watcher.session.browsers!.browser!.connected).toBe(true);
      expect(watcher.session.browsers!.browser!.process()!.pid).toBe(pid);
      const name = report.written.find((n) => n.endsWith('.pdf'))!;
      expect(await served(name)).toContain('voiding all mutual claims');
      // The same print page, given the new content in place.
      expect(watcher.session.browsers!.print!.page).toBe(printPage);
      // A changed print stylesheet is printed with (not the page's old copy of it).
      const restyled = nextBuild(watcher);
      writeFileSync(
        path.join(content, 'templates/print.css'),
        readFileSync(path.join(content, 'templates/print.css'), 'utf8') +
          '\n.credits h1::after { content: " (restyled)"; }\n',
      );
      expect((await restyled).ok).toBe(true);
      expect(await served(name)).toContain('(restyled)');
    } finally {
      await watcher.close();
    }
    // The session's cache entries, written behind its builds, are on disk once it has closed: the PDF of
    // each of its three builds (first, edit, restyle) and the book before and after the edit.
    expect(readdirSync(path.join(out, '.quire-cache'))).toEqual(
      expect.arrayContaining(['read', 'merge', 'study', 'print']),
    );
    expect(readdirSync(path.join(out, '.quire-cache', 'print'))).toHaveLength(3);
    expect(readdirSync(path.join(out, '.quire-cache', 'merge'))).toHaveLength(2);
  });
});

describe('quire watch: the HTML first, the printed formats after (#22)', () => {
  it('an edit shows as soon as its HTML is written; the EPUB follows and the bar says when it is ready', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-watch-two-'));
    cpSync(CONTENT, content, { recursive: true });
    const later = path.join(content, SEEDS.later);
    const lines: string[] = [];
    const watcher = await startWatch({
      contentDir: content,
      outDir: path.join(content, 'out'),
      formats: ['html', 'epub'],
      port: 0,
      debounceMs: 100,
      log: (l) => lines.push(l),
    });
    try {
      const shown = new Promise<BuildReport>((resolve) => watcher.once('preview', resolve));
      const done = nextBuild(watcher);
      writeFileSync(later, readFileSync(later, 'utf8').replace('annulling all mutual claims', 'voiding all claims'));
      const html = await shown;
      expect(html.pending).toEqual(['epub']);
      expect(html.written.some((n) => n.endsWith('.html'))).toBe(true);
      expect(html.written.some((n) => n.endsWith('.epub'))).toBe(false);
      // What the page shows at that moment (if the EPUB is not done yet): the HTML ready, the EPUB coming.
      const page = await (await fetch(watcher.url)).text();
      if (!watcher.builds.at(-1)!.pending?.length) expect(page).toContain('done at');
      else expect(page).toContain(`Build ${html.number} HTML ready; EPUB being made`);
      const full = await done;
      expect(full.number).toBe(html.number);
      expect(full.pending).toEqual([]);
      expect(full.written.some((n) => n.endsWith('.epub'))).toBe(true);
      expect(lines.filter((l) => l.includes(`build ${html.number}`))).toEqual([
        expect.stringMatching(/: wrote .*\.html.* in \d+ ms; EPUB follows$/),
        expect.stringMatching(/: wrote .*\.epub in \d+ ms$/),
      ]);
      expect(await (await fetch(watcher.url)).text()).toContain(`Build ${full.number} done`);
    } finally {
      await watcher.close();
    }
  });
});
