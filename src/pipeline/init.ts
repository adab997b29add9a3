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
language: en                  # BCP 47 tag: hyphenation and sentence rules follow it
author: Your name
attribution: Text written for this guide by Your name.
license:
  name: CC BY-SA 4.0
  url: https://creativecommons.org/licenses/by-sa/4.0/
edition:
  number: 1
  date: 2026-01-01            # used in the PDF and EPUB; raise both for a new edition (quire release)

# The sources, most preferred first. Without this list every file in this folder is a source.
sources:
  - file: sample.md
    label: Sample chapter

# This guide's own templates (a copy of Quire's, to edit).
templates: templates

output:
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
