// Links from logs/global/report.html to files of the compose, relative so the report works
// when the compose is opened from disk, copied elsewhere or served by any web server.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the report lives, relative to the compose dir. */
export const REPORT_DIR = 'logs/global';
export const REPORT_FILE_NAME = 'report.html';

/** href for a path given relative to the compose dir (or absolute). */
export function linkFromReport(composeRelativePath: string): string {
  if (path.isAbsolute(composeRelativePath)) return pathToFileURL(composeRelativePath).href;
  const relative = path.posix.relative(REPORT_DIR, path.posix.normalize(composeRelativePath.split(path.sep).join('/')));
  return relative.split('/').map((segment) => (segment === '..' ? segment : encodeURIComponent(segment))).join('/');
}

/** Image paths in images.json are relative to compose/. */
export function linkToComposeFile(treeRelativePath: string): string {
  return linkFromReport(path.posix.join('compose', treeRelativePath));
}
