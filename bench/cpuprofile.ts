/**
 * A V8 CPU profile (`node --cpu-prof`, or the inspector's Profiler) summed up for a terminal: the time
 * of each sample is charged to the function on top of the stack (self time), and functions are grouped
 * by where they live — one of Quire's own files, an npm package, Node's module loader, or V8 itself
 * (garbage collection; "(idle)" is the main thread waiting: for Chromium, the disk or the thread pool;
 * "(profiler)" the inspector's own work in an in-process profile).
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of the `.cpuprofile` format (Chrome DevTools protocol `Profiler.Profile`) read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  /** The profile's span, in milliseconds. */
  wallMs: number;
  /** Self time per place, largest first. */
  groups: { name: string; ms: number }[];
  /** Self time per function, largest first. */
  functions: { name: string; where: string; ms: number }[];
}

/**
 * Where a function lives, for grouping: `quire src/merge/sentences.js`, `wikiparser-node`, `node: modules`,
 * `(garbage collector)`.
 */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/dist\/((?:src|bench)\/.*)$/.exec(url) ?? /\/((?:src|bench)\/[^/].*\.ts)$/.exec(url);
  if (own) return `quire ${own[1]}`;
  if (url.startsWith('node:internal/modules') || url.startsWith('node:internal/vm')) return 'node: modules';
  if (url.startsWith('node:')) return 'node: other';
  return path.basename(url);
}

const maps = new Map<string, SourceMap | undefined>();

/**
 * Where a function of the bundled command (dist/cli, see scripts/bundle.mjs) was written: its source file
 * (one of Quire's, or a library's in node_modules) and line, read from the bundle's source map. Anything
 * else, or a place the map does not know, is left as it is.
 */
export function originalPlace(frame: CpuProfile['nodes'][number]['callFrame']): { url: string; line: number } {
  const { url, lineNumber, columnNumber } = frame;
  const unchanged = { url, line: lineNumber };
  if (!url.startsWith('file:') || !url.endsWith('.js') || lineNumber < 0) return unchanged;
  const file = fileURLToPath(url);
  if (!maps.has(file)) {
    const map = `${file}.map`;
    maps.set(file, existsSync(map) ? new SourceMap(JSON.parse(readFileSync(map, 'utf8'))) : undefined);
  }
  const entry = maps.get(file)?.findEntry(lineNumber, columnNumber ?? 0);
  if (!entry || !('originalSource' in entry) || !entry.originalSource) return unchanged;
  const source = entry.originalSource.startsWith('file:')
    ? fileURLToPath(entry.originalSource)
    : path.resolve(path.dirname(file), entry.originalSource);
  return { url: source, line: entry.originalLine };
}

export function summarise(profile: CpuProfile, top = 12): ProfileSummary {
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each delta is the time before its sample; it is charged to that sample's function.
  for (let i = 0; i < samples.length; i++)
    selfMs.set(samples[i]!, (selfMs.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000);
  // What runs under the inspector's own calls (an in-process profile's start and stop) is the profiler's.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const profiler = new Set<number>();
  const mark = (id: number): void => {
    profiler.add(id);
    for (const child of byId.get(id)?.children ?? []) mark(child);
  };
  for (const node of profile.nodes)
    if (node.callFrame.url === 'node:inspector' && !profiler.has(node.id)) mark(node.id);
  const groups = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id);
    if (!ms) continue;
    const { functionName } = node.callFrame;
    const { url, line: lineNumber } = originalPlace(node.callFrame);
    const place = profiler.has(node.id) ? '(profiler)' : placeOf(url, functionName);
    groups.set(place, (groups.get(place) ?? 0) + ms);
    const where = url ? `${place}:${lineNumber + 1}` : place;
    const key = `${functionName}\u0000${where}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    wallMs: round((profile.endTime - profile.startTime) / 1000),
    groups: [...groups]
      .map(([name, ms]) => ({ name, ms: round(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    functions: [...functions.values()]
      .map((f) => ({ ...f, ms: round(f.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

/** The summary as text: two columns of milliseconds and shares of the span. */
export function formatSummary(title: string, summary: ProfileSummary): string {
  const share = (ms: number) => `${((100 * ms) / summary.wallMs).toFixed(0).padStart(3)} %`;
  return [
    `${title}: ${summary.wallMs} ms`,
    '  by place (self time)',
    ...summary.groups.map((g) => `    ${g.ms.toFixed(0).padStart(7)} ms ${share(g.ms)}  ${g.name}`),
    '  by function (self time)',
    ...summary.functions.map(
      (f) =>
        `    ${f.ms.toFixed(0).padStart(7)} ms ${share(f.ms)}  ${f.name}${f.where === f.name ? '' : `  (${f.where})`}`,
    ),
  ].join('\n');
}
