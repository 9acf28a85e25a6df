import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '@compose/errors';
import { hashBytes } from './checksum.js';

/**
 * Turns what a user wrote as a repo (http(s):// URL, file:// URL or plain path) into a URL ending
 * in "/", so relative locations from the metadata resolve inside the repo and not next to it.
 */
export function parseRepoUrl(input: string): URL {
  let url: URL;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(input)) {
    try {
      url = new URL(input);
    } catch (cause) {
      throw new InputError('REPO_URL_INVALID', `"${input}" is not a valid repo URL`, { cause });
    }
  } else {
    url = pathToFileURL(path.resolve(input));
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) {
    throw new InputError('REPO_URL_UNSUPPORTED', `repo URL ${input} uses unsupported scheme ${url.protocol}`, {
      hint: 'use an http://, https:// or file:// URL, or a local path',
    });
  }
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Resolves a metadata location (optionally below an xml:base) against the repo URL. */
export function resolveLocation(repo: URL, href: string, base?: string): URL {
  const root = base === undefined || base === '' ? repo : parseRepoUrl(base);
  try {
    return new URL(href, root);
  } catch (cause) {
    throw new InputError('REPO_LOCATION_INVALID', `location "${href}" in ${displayUrl(repo)} is not a valid path`, { cause });
  }
}

export function isLocalUrl(url: URL): boolean {
  return url.protocol === 'file:';
}

export function toLocalPath(url: URL): string {
  return fileURLToPath(url);
}

/** The cache directory name of a repo: stable for the same URL, safe for any URL. */
export function hashRepoUrl(repo: URL): string {
  return hashBytes('sha256', repo.href);
}

/**
 * True for a relative path that stays inside the directory it is joined to. Locations that
 * fail this (absolute, "..") must not decide where we write in the cache.
 */
export function isContainedPath(href: string): boolean {
  if (href === '' || href.startsWith('/') || href.includes('\\') || href.includes('\0')) return false;
  return href.split('/').every((part) => part !== '..' && part !== '.' && part !== '');
}

/** A URL for messages: credentials removed, since errors end up in logs. */
export function displayUrl(url: URL | string): string {
  const copy = new URL(String(url));
  if (copy.password !== '') copy.password = '***';
  return copy.href;
}
