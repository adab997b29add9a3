/** The output formats (a module of its own: the command line needs the list before it loads the pipeline). */
export const FORMATS = ['html', 'pdf', 'epub', 'json', 'report', 'handouts'] as const;
export type Format = (typeof FORMATS)[number];
/** Formats built when neither the command line nor the config names any: all but the handouts. */
export const DEFAULT_FORMATS: Format[] = ['html', 'pdf', 'epub', 'json', 'report'];
