/**
 * What is wrong with a zip entry's name, or null: an absolute path, a drive letter, a `..`
 * segment or a backslash (APPNOTE.TXT §4.4.17.1: names are relative, with forward slashes).
 * AISC never writes entries to disk, but a log that tries path traversal is not a log to keep.
 */
export function archiveNameProblem(name: string): string | null {
  if (name.length === 0) return 'an entry has an empty name';
  if (name.includes('\0')) return `entry name ${JSON.stringify(name)} contains a NUL character`;
  if (name.includes('\\')) return `entry name ${JSON.stringify(name)} contains a backslash`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `entry name ${JSON.stringify(name)} is an absolute path`;
  if (name.split('/').includes('..')) return `entry name ${JSON.stringify(name)} climbs out of the archive (..)`;
  return null;
}
