/**
 * A QTI 1.2 package for Canvas (Settings → Import course content → QTI .zip file) and other LMSs that read
 * IMS QTI 1.2: `imsmanifest.xml` naming one assessment, and the assessment's XML. Canvas reads each item's
 * `question_type` from its metadata: multiple choice as `multiple_choice_question` (the answer scored 100),
 * cloze and short answers as `short_answer_question` (the answer as the accepted response), cause and
 * disagreement questions as `essay_question` (marked by hand). Every item gives the answer, the quoted
 * sentence and where it stands as general feedback. The zip's entries carry the edition's date, so the same
 * guide gives the same bytes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { explanation, type ExportItem, type ExportSet } from './items.js';
import { exportWriter } from './writer.js';

/** Text as XML character data or an attribute value. */
export function xmlEscape(text: string): string {
  return (
    text
      // Characters XML 1.0 does not allow, even escaped (a tab and line breaks it does).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

const mattext = (text: string) => `<material><mattext texttype="text/plain">${xmlEscape(text)}</mattext></material>`;

const TYPES: Record<ExportItem['kind'], string> = {
  choice: 'multiple_choice_question',
  cloze: 'short_answer_question',
  short: 'short_answer_question',
  cause: 'essay_question',
  disagreement: 'essay_question',
};

function metadata(item: ExportItem): string {
  const field = (label: string, entry: string) =>
    `<qtimetadatafield><fieldlabel>${label}</fieldlabel>` +
    `<fieldentry>${xmlEscape(entry)}</fieldentry></qtimetadatafield>`;
  return (
    `<itemmetadata><qtimetadata>${field('question_type', TYPES[item.kind])}` +
    `${field('points_possible', '1.0')}</qtimetadata></itemmetadata>`
  );
}

const SCORE = '<outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>';

function response(item: ExportItem): { presentation: string; processing: string } {
  const id = item.id;
  if (item.kind === 'choice') {
    const labels = item.choices.map((c, i) => ({ ident: `${id}-${String.fromCharCode(97 + i)}`, text: c }));
    const correct = labels.find((l) => l.text === item.answer)!.ident;
    return {
      presentation:
        `<response_lid ident="response1" rcardinality="Single"><render_choice>` +
        labels.map((l) => `<response_label ident="${l.ident}">${mattext(l.text)}</response_label>`).join('') +
        `</render_choice></response_lid>`,
      processing:
        `<resprocessing>${SCORE}<respcondition continue="No"><conditionvar>` +
        `<varequal respident="response1">${correct}</varequal></conditionvar>` +
        `<setvar action="Set" varname="SCORE">100</setvar></respcondition></resprocessing>`,
    };
  }
  const field =
    `<response_str ident="response1" rcardinality="Single">` +
    `<render_fib><response_label ident="answer1" rshuffle="No"/></render_fib></response_str>`;
  if (item.kind === 'cloze' || item.kind === 'short')
    return {
      presentation: field,
      processing:
        `<resprocessing>${SCORE}<respcondition continue="No"><conditionvar>` +
        `<varequal respident="response1">${xmlEscape(item.answer)}</varequal></conditionvar>` +
        `<setvar action="Set" varname="SCORE">100</setvar></respcondition></resprocessing>`,
    };
  return { presentation: field, processing: `<resprocessing>${SCORE}</resprocessing>` };
}

function itemXml(item: ExportItem): string {
  const { presentation, processing } = response(item);
  return [
    `<item ident="${xmlEscape(item.id)}" title="${xmlEscape(`Question ${item.number}`)}">`,
    metadata(item),
    `<presentation>${mattext(item.question)}${presentation}</presentation>`,
    processing,
    `<itemfeedback ident="general_fb"><flow_mat>${mattext(explanation(item))}</flow_mat></itemfeedback>`,
    `</item>`,
  ].join('\n');
}

export function assessmentXml(set: ExportSet, ident: string): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 ` +
      `http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">`,
    `<assessment ident="${ident}" title="${xmlEscape(`${set.title}: review questions`)}">`,
    `<qtimetadata><qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>1</fieldentry>` +
      `</qtimetadatafield></qtimetadata>`,
    `<section ident="root_section">`,
    ...set.items.map(itemXml),
    `</section>`,
    `</assessment>`,
    `</questestinterop>`,
    '',
  ].join('\n');
}

export function manifestXml(set: ExportSet, ident: string): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<manifest identifier="${ident}-manifest" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" ` +
      `xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">`,
    `<metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion>`,
    `<imsmd:lom><imsmd:general><imsmd:title><imsmd:string>${xmlEscape(set.title)}</imsmd:string></imsmd:title>` +
      `</imsmd:general></imsmd:lom></metadata>`,
    `<organizations/>`,
    `<resources>`,
    `<resource identifier="${ident}" type="imsqti_xmlv1p2">`,
    `<file href="${ident}/${ident}.xml"/>`,
    `</resource>`,
    `</resources>`,
    `</manifest>`,
    '',
  ].join('\n');
}

/** The package: the manifest first, then the assessment; every entry dated `date` (YYYY-MM-DD). */
export function toQtiZip(set: ExportSet, date: string): Uint8Array {
  const ident = `quire-${set.slug}`;
  const mtime = new Date(`${/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '1980-01-01'}T00:00:00Z`);
  const files: Zippable = {
    'imsmanifest.xml': [strToU8(manifestXml(set, ident)), { level: 6, mtime }],
    [`${ident}/${ident}.xml`]: [strToU8(assessmentXml(set, ident)), { level: 6, mtime }],
  };
  return zipSync(files);
}

export const writer = exportWriter({
  format: 'qti',
  title: 'QTI 1.2 (Canvas)',
  file: (basename) => `${basename}.qti.zip`,
  render: (set, guide) => toQtiZip(set, guide.meta.edition.date),
});
