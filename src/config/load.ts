import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, type QuireConfig } from './schema.js';
import { QuireError } from '../util/errors.js';

export const CONFIG_NAMES = ['quire.yaml', 'quire.yml'];

export interface LoadedConfig {
  config: QuireConfig;
  /** Path of the config file relative to the working directory, or undefined when the folder has none. */
  file?: string;
}

/** Find and validate the content folder's config file; a folder without one gets the defaults. */
export async function loadConfig(contentDir: string): Promise<LoadedConfig> {
  const found = CONFIG_NAMES.map((n) => path.join(contentDir, n)).find((p) => existsSync(p));
  if (!found) return { config: ConfigSchema.parse({}) };
  const text = await readFile(found, 'utf8');
  return { config: parseConfig(text, found), file: found };
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
    const pos = lineCounter.linePos(yamlError.pos[0]);
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
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const issuePath = issue.path as (string | number)[];
  // Point at the offending key: for unknown keys zod reports the parent path and the key names.
  const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
  const nodePath = keys.length ? [...issuePath, keys[0]!] : issuePath;
  const where = locate(doc, nodePath, lineCounter, keys.length > 0);
  const at = issuePath.length ? issuePath.join('.') : 'top level';
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} in ${at}`
      : `${at}: ${issue.message}`;
  throw new QuireError(`invalid ${labels.what}: ${message}`, { file, ...where, hint: labels.hint });
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
