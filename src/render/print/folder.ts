import path from 'node:path';

/**
 * The folder this process prints the PDF from (print HTML, fonts, CSS), beside the outputs; a session keeps
 * it between builds. Named by process, so that a session's folder is never another process's to delete.
 */
export const printFolder = (outDir: string) => path.join(outDir, `.quire-print-${process.pid}`);

/** The process id in a print folder's name, if `name` is one. */
export const printFolderPid = (name: string): number | undefined => {
  const match = /^\.quire-print-(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
};
