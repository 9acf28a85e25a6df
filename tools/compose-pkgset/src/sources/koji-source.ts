import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { createKojiSession, resolveKojiPackageSet, type KojiPackageSet } from '@compose/koji';
import type { Candidate } from '../select/candidate.js';

export interface KojiProfile {
  server: string;
  topdir: string;
}

/**
 * The hub URL and topdir of a koji profile, from the same INI files the koji CLI reads
 * (/etc/koji.conf, /etc/koji.conf.d/*.conf, ~/.koji/config, or $COMPOSE_KOJI_CONFIG first).
 */
export function readKojiProfile(profile: string): KojiProfile {
  const files = [
    process.env['COMPOSE_KOJI_CONFIG'],
    path.join(homedir(), '.koji', 'config'),
    ...listConfDir('/etc/koji.conf.d'),
    '/etc/koji.conf',
  ].filter((f): f is string => Boolean(f) && existsSync(f as string));
  for (const file of files) {
    const section = readIniSection(readFileSync(file, 'utf8'), profile);
    if (section?.['server'] && section['topdir']) return { server: section['server'], topdir: section['topdir'] };
  }
  throw new InputError('KOJI_PROFILE_UNKNOWN', `koji profile '${profile}' not found (looked in ${files.join(', ') || 'no koji config files'})`, {
    hint: `add a [${profile}] section with server = <hub URL> and topdir = <mounted koji topdir> to /etc/koji.conf.d/${profile}.conf`,
  });
}

function listConfDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.conf')).map((f) => path.join(dir, f)) : [];
}

function readIniSection(text: string, name: string): Record<string, string> | undefined {
  let current: string | undefined;
  const result: Record<string, string> = {};
  let found = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = header[1];
      found ||= current === name;
      continue;
    }
    const pair = /^([^=:]+)[=:](.*)$/.exec(line);
    if (pair && current === name) result[(pair[1] ?? '').trim()] = (pair[2] ?? '').trim();
  }
  return found ? result : undefined;
}

export interface KojiSourceOptions {
  profile: KojiProfile;
  tags: string[];
  event?: number;
  inherit: boolean;
  extraBuilds: string[];
  sigkeys: (string | null)[];
  arches: string[];
  signal?: AbortSignal;
}

/** Latest builds of the tags (with inheritance) at one event, signed copies chosen by sigkeys order. */
export async function readKojiCandidates(options: KojiSourceOptions): Promise<{ candidates: Candidate[]; sets: KojiPackageSet[] }> {
  const session = createKojiSession(options.profile.server);
  const sets: KojiPackageSet[] = [];
  const candidates: Candidate[] = [];
  for (const tag of options.tags) {
    const set = await resolveKojiPackageSet(session, {
      tag,
      event: options.event ?? sets[0]?.event.id,
      inherit: options.inherit,
      extraBuilds: sets.length === 0 ? options.extraBuilds : [],
      sigkeys: options.sigkeys,
      arches: options.arches,
      topdir: options.profile.topdir,
    });
    sets.push(set);
    for (const pkg of set.packages) {
      candidates.push({
        name: pkg.name,
        epoch: pkg.epoch,
        version: pkg.version,
        release: pkg.release,
        arch: pkg.arch,
        file: path.basename(pkg.path),
        path: pkg.path,
        url: null,
        source: `koji:${tag}`,
        checksum: null,
        size: pkg.size,
        sourcerpm: pkg.sourcerpm ?? '',
        sigkey: pkg.sigkey,
      });
    }
  }
  return { candidates, sets };
}
