/**
 * The build's side of editions (src/editions/ records and compares them): what the guide compares with,
 * whether it shows the changes, and the date of a released edition rebuilt.
 */
import type { StudyGuide } from '../model/index.js';
import type { QuireConfig } from '../config/schema.js';
import { isRecorded, lastEditionText, recordedDate } from '../editions/store.js';
import { runStage } from './stage.js';
import { changelogStage } from './stages.js';
import type { BuildRun } from './context.js';
import type { Edition } from './write.js';

/**
 * What changed since the last recorded edition before this one. The guide itself shows it ("What changed
 * in this edition") when this edition is released, and in every later build of it: a rebuild of a released
 * edition reproduces the release. A draft of the next edition shows it in the report only.
 */
export async function compareEditions(run: BuildRun, guide: StudyGuide, guideKey: string): Promise<Edition> {
  const { contentDir, release } = run.options;
  const number = guide.meta.edition.number;
  const previous = await lastEditionText(contentDir, number);
  if (!previous) return { changesKey: '', reportKey: '', inGuide: false };
  const compared = await runStage(changelogStage, { guide, guideKey, previous }, run);
  const changelog = compared.output;
  const inGuide = Boolean(release) || isRecorded(contentDir, number);
  return { changelog, reportKey: compared.key, changesKey: inGuide && !changelog.empty ? compared.key : '', inGuide };
}

/**
 * The book's date when the config gives none: a released edition rebuilt keeps its release date (so that
 * it reproduces the release), any other build takes today's.
 */
export async function editionDay(run: BuildRun, config: QuireConfig): Promise<string> {
  const released = config.edition.date ? undefined : await recordedDate(run.options.contentDir, config.edition.number);
  return released ?? (run.options.today ?? (() => new Date().toISOString().slice(0, 10)))();
}
