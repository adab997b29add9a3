/**
 * The editor's report (`report.html`): what the merge did with every section and sentence of every source,
 * and, when an edition was recorded before, what changed since (also as `changelog.json`).
 */
import { writeFile } from 'node:fs/promises';
import { hashOf } from '../util/hash.js';
import { reportView } from './view/report.js';
import type { Writer } from './writer.js';
import { plural } from '../util/words.js';

export const writer: Writer = {
  title: 'Editor’s report',
  async write(ctx) {
    const { guide, changelog } = ctx;
    await ctx.timed('report', async () => {
      const key = hashOf(ctx.code, ctx.guideKey, ctx.templates.fingerprint, ctx.reportKey);
      await ctx.output.output('report.html', 'report', key, (file) =>
        writeFile(
          file,
          ctx.templates.render('report.html.liquid', { ...reportView(guide), changelog: changelog ?? null }),
        ),
      );
      if (changelog) {
        await ctx.output.output('changelog.json', 'report', ctx.reportKey, (file) =>
          writeFile(file, `${JSON.stringify(changelog, null, 2)}\n`),
        );
      }
    });
    const r = guide.report;
    return (
      `Report: report.html (${plural(r.conflicts.length, 'conflict')}, ${plural(r.duplicates.length, 'duplicate')}, ` +
      `${r.omitted.length} omitted, ${plural(r.unattachedCitations.length, 'unattached note')})`
    );
  },
};
