import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Lexer, LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, type QuireConfig } from './schema.js';
import { QuireError } from '../util/errors.js';
import { didYouMean } from '../util/words.js';
import { decodeUtf8, entryExists, readInside } from '../util/confined.js';

export const CONFIG_NAMES = ['quire.yaml', 'quire.yml'];

export interface LoadedConfig {
  config: QuireConfig;
  /** Path of the config file relative to the working directory, or undefined when the folder has none. */
  file?: string;
}

let lastParsed: { file: string; text: string; config: QuireConfig } | undefined;

/**
 * Find and validate the content folder's config file; a folder without one gets the defaults. The file is
 * read by its real path inside the content folder, as strict UTF-8; its templates folder must exist.
 */
export async function loadConfig(contentDir: string): Promise<LoadedConfig> {
  let found: string | undefined;
  for (const name of CONFIG_NAMES) {
    const file = path.join(contentDir, name);
    if (!found && (await entryExists(file))) found = file;
  }
  if (!found) return { config: ConfigSchema.parse({}) };
  const text = decodeUtf8(await readInside(contentDir, found, 'config file'), found);
  // A session's rebuild reads the same text again: its checked config is the last one (never changed in place).
  const config = lastParsed?.file === found && lastParsed.text === text ? lastParsed.config : parseConfig(text, found);
  lastParsed = { file: found, text, config };
  if (config.templates) await checkTemplatesFolder(contentDir, config.templates, text, found);
  return { config, file: found };
}

/**
 * A `templates:` path must be a folder inside the content folder (by real path: a guide's templates travel
 * with it, and a guide folder must not point Quire at files elsewhere on the machine). A missing one, a
 * file or one outside is named with the config's line, not as a raw ENOENT.
 */
async function checkTemplatesFolder(contentDir: string, templates: string, text: string, file: string) {
  const dir = path.resolve(contentDir, templates);
  const info = await stat(dir).catch(() => undefined);
  const [real, root] = await Promise.all([
    realpath(dir).catch(() => dir),
    realpath(contentDir).catch(() => contentDir),
  ]);
  const inside = real.startsWith(root + path.sep);
  if (info?.isDirectory() && inside) return;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const where = locate(doc, ['templates'], lineCounter, false);
  const reason = !info
    ? `templates: folder ${dir} not found`
    : !info.isDirectory()
      ? `templates: ${dir} is a file, not a folder`
      : `templates: ${dir} is outside the content folder`;
  throw new QuireError(reason, {
    file,
    ...where,
    hint: 'give the folder made by `quire init` (relative to the content folder), or remove the line',
  });
}

/** Parse YAML text and validate it; errors name the file, line and column. */
export function parseConfig(text: string, file: string): QuireConfig {
  return parseYaml(text, file, ConfigSchema, {
    what: 'config',
    hint: 'see "The config file" in README.md for the allowed keys and types',
  });
}

/** Parse YAML and validate it against a zod schema; any error names the file, line and column. */
export function parseYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  labels: { what: string; hint: string },
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    // An unclosed quote or bracket is found at the end of the file: the place to fix is where it opens.
    const unclosed = yamlError.code === 'MISSING_CHAR' || /^Flow (sequence|map)/.test(yamlError.message);
    const at = (unclosed && openerBefore(text, yamlError.pos[0])) || yamlError.pos[0];
    const pos = lineCounter.linePos(at);
    throw new QuireError(`YAML syntax error: ${yamlError.message.split('\n')[0]}`, {
      file,
      line: pos.line,
      column: pos.col,
      hint: 'fix the YAML syntax (indentation, colons, quotes)',
    });
  }
  const data = doc.toJS() ?? {};
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // A misspelt key first: it is the cause of any "required" issue beside it.
  const issues = result.error.issues as z.core.$ZodIssue[];
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
  const issuePath = issue.path as (string | number)[];
  // Point at the offending key: for unknown keys zod reports the parent path and the key names.
  const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
  const nodePath = keys.length ? [...issuePath, keys[0]!] : issuePath;
  const where = locate(doc, nodePath, lineCounter, keys.length > 0);
  const at = issuePath.length ? issuePath.join('.') : 'top level';
  let message: string;
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, issuePath);
    const guess = didYouMean(keys[0]!, known);
    message = `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} in ${at}${guess}`;
  } else if (issue.code === 'invalid_value') {
    const values = (issue as { values: unknown[] }).values.map(String);
    const given = String(doc.getIn(issuePath) ?? '');
    message = `${at}: "${given}" is not one of ${values.join(', ')}${didYouMean(given, values)}`;
  } else message = `${at}: ${issue.message}`;
  throw new QuireError(`invalid ${labels.what}: ${message}`, { file, ...where, hint: labels.hint });
}

/** The keys an object schema allows at `keyPath` (through defaults, optionals and arrays). */
function keysAt(schema: z.ZodType, keyPath: (string | number)[]): string[] {
  let node = schema as unknown as { def: Record<string, unknown>; shape?: Record<string, unknown> };
  const unwrap = () => {
    while (['default', 'optional', 'nullable', 'pipe', 'prefault'].includes(node.def.type as string)) {
      node = (node.def.innerType ?? node.def.in) as typeof node;
    }
  };
  unwrap();
  for (const key of keyPath) {
    if (node.def.type === 'array') node = node.def.element as typeof node;
    else if (node.def.type === 'object' && typeof key === 'string') node = node.shape![key] as typeof node;
    else return [];
    if (!node) return [];
    unwrap();
  }
  return node.def.type === 'object' ? Object.keys(node.shape!) : [];
}

/**
 * Where the quote or bracket left open at `pos` (where the YAML parser found it missing) was opened: the
 * last quoted scalar running up to `pos`, else the innermost flow collection still open there.
 */
function openerBefore(text: string, pos: number): number | undefined {
  const open: number[] = [];
  let offset = 0;
  let quoted: number | undefined;
  for (const token of new Lexer().lex(text)) {
    // The lexer's control tokens (document, scalar and flow-error markers) take no room in the text.
    if (token.length === 1 && '\x02\x18\x1f'.includes(token)) continue;
    if (offset > pos) break;
    if (token === '[' || token === '{') open.push(offset);
    else if (token === ']' || token === '}') open.pop();
    else if (/^["']/.test(token) && offset + token.length >= pos) quoted = offset;
    offset += token.length;
  }
  return quoted ?? open.at(-1);
}

function locate(
  doc: ReturnType<typeof parseDocument>,
  keyPath: (string | number)[],
  lineCounter: LineCounter,
  wantKey: boolean,
): { line?: number; column?: number } {
  for (let n = keyPath.length; n >= 0; n--) {
    const sub = keyPath.slice(0, n);
    if (wantKey && n === keyPath.length && sub.length) {
      // The key node of a pair: find the pair in the parent map.
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      const items = (parent as { items?: { key: unknown }[] } | null)?.items;
      const pair = items?.find((it) => isNode(it.key) && (it.key as { value?: unknown }).value === sub[sub.length - 1]);
      const range = pair && isNode(pair.key) ? pair.key.range : undefined;
      if (range) {
        const p = lineCounter.linePos(range[0]);
        return { line: p.line, column: p.col };
      }
      continue;
    }
    const node = sub.length ? doc.getIn(sub, true) : doc.contents;
    if (isNode(node) && node.range) {
      const p = lineCounter.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  }
  return {};
}
