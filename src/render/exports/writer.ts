/**
 * An export as a writer: one file in the output folder made by a pure function of the guide's questions,
 * kept while the guide and Quire's code are unchanged. A guide without questions gets no file.
 */
import { writeFile } from 'node:fs/promises';
import type { StudyGuide } from '../../model/index.js';
import { hashOf } from '../../util/hash.js';
import type { Writer } from '../writer.js';
import { exportSet, type ExportSet } from './items.js';

export interface ExportSpec {
  /** The format's name in the build's figures and the file's key. */
  format: string;
  /** Progress title and summary label ("Moodle GIFT"). */
  title: string;
  /** The file's name, from the guide's base name. */
  file: (basename: string) => string;
  render: (set: ExportSet, guide: StudyGuide) => string | Uint8Array;
}

export function exportWriter(spec: ExportSpec): Writer {
  return {
    title: spec.title,
    async write(ctx) {
      const set = exportSet(ctx.guide);
      if (!set.items.length) return `${spec.title}: no questions to export`;
      const name = spec.file(ctx.basename);
      await ctx.timed(spec.format, () =>
        ctx.output.output(name, spec.format, hashOf(ctx.code, ctx.guideKey, spec.format), (file) =>
          writeFile(file, spec.render(set, ctx.guide)),
        ),
      );
      return `${spec.title}: ${name} (${set.items.length} questions)`;
    },
  };
}
