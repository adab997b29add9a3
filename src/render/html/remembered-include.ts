/**
 * Partials remembered by what they read. A guide's page renders one partial per chapter
 * (`{% for ch in chapters %}{% include "partials/chapter.liquid" %}{% endfor %}`), and the EPUB one page per
 * chapter; after an edit of one chapter, the others render to the same text. So `include` looks up the
 * partial's output under the values of the variables it reads (found by LiquidJS's static analysis of the
 * partial and the partials it includes in turn, each variable's whole value as the partial would see it)
 * and renders it only when those changed.
 *
 * The variables a partial assigns outlive it (LiquidJS's `assign` and `capture` write to the outermost
 * scope): they are recorded with its output and assigned again when it is looked up. A partial that counts,
 * cycles or uses layouts (tags with effects of other kinds), or whose variables the analysis cannot name,
 * is rendered every time.
 * An include inside a partial being rendered is looked up the same way: when one entry of a glossary changed,
 * the glossary's partial renders again, and in it only that entry's partial (what the outer one assigns and
 * writes is collected through it). Results are kept per templates folder state (its fingerprint), so an
 * edited template never shows old text.
 */
import { Drop, IncludeTag, toValueSync, type Context, type Emitter, type Liquid, type Template } from 'liquidjs';
import { hashOf } from '../../util/hash.js';
import { rememberedTable } from '../../util/memo.js';

/**
 * Tags whose effect reaches past the partial other than through the variables it assigns (counters,
 * cycles, layouts): a partial holding one is rendered every time.
 */
const EFFECTS = new Set(['increment', 'decrement', 'cycle', 'layout', 'block']);

/** A partial's output, and the variables it assigned (`assign`, `capture`: they outlive the include). */
interface Rendered {
  output: string;
  assigned: [string, unknown][];
}

/**
 * A guide's page, EPUB and print hold a few dozen outermost partials and a few thousand inside them (an entry
 * of a glossary, an answer, a link), of very different lengths: as many as fit in 32 million characters are
 * kept (a build of the seed guide's page, EPUB and PDF makes about 3.3 million), and those of the last build
 * in the cache folder too (a new `quire build` after an edit renders the edited chapter's partials only). A
 * partial that assigned something the cache folder cannot hold (a function) leaves the table out of it, which
 * costs only speed.
 */
const rendered = rememberedTable<Rendered>(
  { chars: 32_000_000, sizeOf: (r) => r.output.length + 64 * r.assigned.length },
  { name: 'partials', persist: true },
);

/** What a partial reads: each variable path up to its first part computed at render time ("pages[pageId]"). */
interface Plan {
  paths: string[][];
}

/** The variable paths of LiquidJS's analysis, each cut before its first computed part, without repeats. */
function pathsOf(segments: readonly (readonly unknown[])[]): string[][] {
  const out = new Map<string, string[]>();
  for (const segment of segments) {
    const cut = segment.findIndex((part) => typeof part !== 'string' && typeof part !== 'number');
    const path = (cut < 0 ? segment : segment.slice(0, cut)).map(String);
    if (path.length) out.set(path.join('\u0000'), path);
  }
  return [...out.values()];
}

type TagLike = Template & { name?: string; children?: (partials: boolean, sync: boolean) => unknown };

/** Whether a template tree (partials included) holds a tag with an effect beyond it. */
function hasEffects(templates: readonly Template[], depth = 0): boolean {
  if (depth > 20) return true;
  for (const t of templates as TagLike[]) {
    if (t.name && EFFECTS.has(t.name)) return true;
    if (typeof t.children === 'function') {
      const children = toValueSync(t.children(true, true) as never) as Template[] | undefined;
      if (children && hasEffects(children, depth + 1)) return true;
    }
  }
  return false;
}

/** A value as LiquidJS's own emitter writes it (its `stringify`). */
function written(value: unknown): string {
  const v = value instanceof Drop && typeof value.valueOf === 'function' ? value.valueOf() : value;
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(written).join('');
  return String(v);
}

/** The output of a partial, collected as the page's own emitter collects it. */
class Collect implements Emitter {
  buffer = '';
  write(html: unknown): void {
    this.buffer += written(html);
  }
}

/** The scope a variable is read from (LiquidJS's own lookup: inner scopes first, then the data). */
function scopeOf(ctx: Context, root: string): Record<string, unknown> {
  return (ctx as unknown as { findScope(key: string): Record<string, unknown> }).findScope(root);
}

/** The context's scopes, innermost last (the first is where `assign` writes). */
function scopesOf(ctx: Context): Record<string, unknown>[] {
  return (ctx as unknown as { scopes: Record<string, unknown>[] }).scopes;
}

/** The value at `path` from `scope`, read as LiquidJS reads it, undefined where the path ends early. */
function readPath(ctx: Context, scope: Record<string, unknown>, path: string[]): unknown {
  const read = (ctx as unknown as { _getFromScope(s: unknown, p: string[], strict: boolean): never })._getFromScope;
  return read.call(ctx, scope, path, false);
}

/**
 * The digests of the objects a render's partials read, per render (one LiquidJS context each): every chapter's
 * partial reads the book-wide values too (the page numbers of every link target in a printed book, the
 * glossaries), and writing each of them out once per chapter made a long book's render grow with chapters ×
 * targets (ten times the seed guide: 5–6 s instead of 0.7 s). The data of a render is not changed while it
 * renders, so an object's JSON is made and hashed once per render.
 */
const digests = new WeakMap<Context, WeakMap<object, string>>();

/** A value's digest (of its JSON) as a partial's key holds it; an object's made once per render. */
function digestOf(ctx: Context, value: unknown): string {
  if (value === undefined) return '\u0000undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let known = digests.get(ctx);
  if (!known) digests.set(ctx, (known = new WeakMap()));
  let digest = known.get(value);
  if (digest === undefined) known.set(value, (digest = hashOf(JSON.stringify(value))));
  return digest;
}

/** Make `engine`'s `include` remember partials; `folder` tells templates folders (and their states) apart. */
export function rememberIncludes(engine: Liquid, folder: string): void {
  class RememberedInclude extends IncludeTag {
    private plan?: Plan | null;

    private planOf(): Plan | null {
      if (this.plan !== undefined) return this.plan;
      const { file, withVar } = this as unknown as { file: unknown; withVar?: unknown };
      this.plan = null;
      if (typeof file !== 'string' || withVar !== undefined) return this.plan;
      try {
        const templates = engine.parseFileSync(file);
        if (hasEffects(templates)) return this.plan;
        this.plan = { paths: pathsOf(engine.globalVariableSegmentsSync(templates)) };
      } catch {
        // A partial the analysis cannot read is rendered every time (its errors are the render's to report).
      }
      return this.plan;
    }

    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const plan = this.planOf();
      if (!plan) return yield* super.render(ctx, emitter);
      const hash = (this as unknown as { hash: { render(ctx: Context): Generator<unknown, unknown> } }).hash;
      const args = (yield* hash.render(ctx)) as Record<string, unknown>;
      // Each path's value as the partial reads it (LiquidJS's own lookup: `size`, `first`, own properties).
      const values = plan.paths.map((path) => {
        const root = path[0]!;
        const from = Object.hasOwn(args, root) ? args : scopeOf(ctx, root);
        return digestOf(ctx, toValueSync(readPath(ctx, from, path)));
      });
      const file = (this as unknown as { file: string }).file;
      const key = hashOf(folder, file, JSON.stringify(plan.paths), ...values);
      const known = rendered.get(key);
      if (known) {
        const bottom = scopesOf(ctx)[0]!;
        for (const [name, value] of known.assigned) bottom[name] = value;
        return void emitter.write(known.output);
      }
      const own = new Collect();
      const scopes = scopesOf(ctx);
      const bottom = scopes[0]!;
      // The variables it assigns go to the outermost scope (LiquidJS's `assign` and `capture`): recorded there.
      const assigned = new Map<string, unknown>();
      scopes[0] = new Proxy(bottom, {
        set: (target, name, value) => {
          if (typeof name === 'string') assigned.set(name, value);
          return Reflect.set(target, name, value);
        },
      });
      try {
        yield* super.render(ctx, own);
      } finally {
        scopes[0] = bottom;
      }
      rendered.set(key, { output: own.buffer, assigned: [...assigned] });
      emitter.write(own.buffer);
    }
  }
  engine.registerTag('include', RememberedInclude);
}
