/** The editor's report: what the merge did, per section and per sentence, as a view for report.html.liquid. */
import type { StudyGuide, Provenance } from '../../model/index.js';

const where = (p: Provenance) => `${p.file}:${p.line}`;

export function reportView(book: StudyGuide) {
  const titles = new Map<string, string>();
  for (const c of book.chapters) {
    titles.set(c.id, c.title);
    for (const s of c.sections) titles.set(s.id, s.title);
  }
  for (const b of book.backMatter) titles.set(b.id, b.title);
  for (const c of book.chapters) for (const s of c.sections) for (const b of s.blocks) titles.set(b.id, s.title);
  const r = book.report;
  const labels = new Map(book.sources.map((s) => [s.id, s.label ?? s.id]));
  return {
    meta: book.meta,
    sources: book.sources,
    report: r,
    summary: {
      sections: r.sections.length,
      duplicates: r.duplicates.length,
      conflicts: r.conflicts.length,
      variants: (r.variants ?? []).length,
      shown: (r.variants ?? []).filter((v) => v.shown !== 'report').length,
      omitted: r.omitted.length,
      unattached: r.unattachedCitations.length,
      onlyIn: r.sections.filter((s) => s.onlyIn).length,
    },
    onlyIn: r.sections.filter((s) => s.onlyIn),
    // Every variant with its class and where readers see it; sources named by label and file:line.
    variants: (r.variants ?? []).map((v) => ({
      ...v,
      sectionTitle: titles.get(v.section) ?? v.section,
      shownAs: v.shown === 'report' ? 'report only' : `${v.shown} ${v.note ?? ''}`.trim(),
      readings: v.readings.map((x) => ({
        text: x.text,
        where: x.sources.map((p) => `${labels.get(p.source) ?? p.source}, ${where(p)}`).join('; '),
      })),
    })),
    conflicts: r.conflicts.map((c) => ({
      ...c,
      sectionTitle: titles.get(c.section) ?? c.section,
      readings: c.readings.map((x) => ({ text: x.text, where: x.sources.map(where).join(', ') })),
    })),
    duplicates: r.duplicates.map((d) => ({
      ...d,
      where: where(d.source),
      sectionTitle: titles.get(d.keptBlock) ?? '',
    })),
    omitted: r.omitted.map((o) => ({ ...o, where: where(o.source) })),
    unattached: r.unattachedCitations.map((u) => ({ ...u, where: where(u.source) })),
    alignment: r.alignment.map((a) => ({ ...a, sectionTitle: titles.get(a.section) ?? '(left out: no text)' })),
  };
}
