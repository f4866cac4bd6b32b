import { OfdError } from './errors';

/**
 * Resolves an OFD location (ST_Loc, GB/T 33190 §7.2): absolute from the package root when it
 * starts with '/', otherwise relative to the directory of the file that names it. '..' may climb
 * within the package but never above its root.
 */
export function resolveLoc(fromFile: string, loc: string): string {
  const trimmed = loc.trim();
  if (trimmed === '') throw new OfdError('OFD_MISSING_PART', `${fromFile} names an empty location`);
  if (/[\\\u0000-\u001f]/.test(trimmed) || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(trimmed)) {
    throw new OfdError('OFD_BAD_ENTRY_NAME', `${fromFile} names ${JSON.stringify(trimmed.slice(0, 200))}, not a package path`);
  }
  const base = trimmed.startsWith('/') ? [] : fromFile.split('/').slice(0, -1);
  for (const segment of trimmed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (base.length === 0) throw new OfdError('OFD_BAD_ENTRY_NAME', `${fromFile} names ${JSON.stringify(trimmed)}, outside the package`);
      base.pop();
    } else base.push(segment);
  }
  return base.join('/');
}

/** The location as written in OFD files the platform writes: absolute, from the package root. */
export const absoluteLoc = (path: string): string => `/${path}`;
