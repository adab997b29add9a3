/**
 * `quire init DIR`: a new guide of one's own — a commented config, a sample source in Markdown, and a
 * copy of the default templates to customise. Refuses to overwrite an existing guide.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../util/errors.js';
import { DEFAULT_TEMPLATES } from '../render/html/templates.js';

const CONFIG = `# Quire configuration (see "The config file" in Quire's README). Every key is optional.
title: My study guide
subtitle: Notes for the class
# The text's language and region (a BCP 47 tag), or "detect". Hyphenation, sentence rules and the dates
# Quire writes (timeline, glossaries, questions) follow it: en-GB writes "16 April 1922", en-US
# "April 16, 1922", de "16. April 1922", fr "16 avril 1922".
language: en-GB
author: Your name
attribution: Text written for this guide by Your name.
license:
  name: CC BY-SA 4.0
  url: https://creativecommons.org/licenses/by-sa/4.0/
edition:
  number: 1
  date: 2026-01-01            # used in the PDF and EPUB; raise both for a new edition (quire release)

# The sources, most preferred first. Without this list every .md, .markdown, .wiki, .wikitext, .mediawiki
# and .txt file in this folder is a source (never hidden files or editor backups); with it, only these.
sources:
  - file: sample.md
    label: Sample chapter

# This guide's own templates (a copy of Quire's, to edit).
templates: templates

output:
  dir: output                 # where the guide goes, inside this folder (--out overrides it)
  paper: A4                   # or Letter
  formats: [html, pdf, epub, json, report]
`;

const SAMPLE = `# My study guide

The opening paragraph introduces the subject. Quire makes it the Introduction chapter.

## The first part

A paragraph of the first chapter. On 3 March 1918 a treaty was signed; Quire puts the date in the
timeline. Replace this file with your own Markdown, or add wikitext (.wiki) and plain-text (.txt)
renditions of the same article next to it: Quire merges them.

## The second part

Another chapter. Lists work too:

- a first point
- a second point
`;

export async function initGuide(dir: string): Promise<string[]> {
  if (existsSync(dir) && (await readdir(dir)).length > 0) {
    throw new QuireError('folder is not empty', { file: dir, hint: 'choose a new or empty folder for the guide' });
  }
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'quire.yaml'), CONFIG);
  await writeFile(path.join(dir, 'sample.md'), SAMPLE);
  await cp(DEFAULT_TEMPLATES, path.join(dir, 'templates'), { recursive: true });
  return ['quire.yaml', 'sample.md', 'templates/'];
}
