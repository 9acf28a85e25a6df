// Builds compose directories for the report tests: the real Pungi reference metadata plus a
// hand-written phases.json (the orchestrator that writes real ones runs elsewhere).
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhaseDeliverable, PhaseRecord, PhasesManifest } from '@compose/contracts';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const REFERENCE = path.resolve(workspaceRoot, '../shared/reference/pungi-dummy-compose');
export const REFERENCE_ID = 'DP-1.0-20261122.t.0';
const T0 = Date.parse('2026-11-22T10:00:00Z');

export function at(seconds: number): string {
  return new Date(T0 + seconds * 1000).toISOString();
}

/** A phase that ran from `from` to `to` seconds after the compose started. */
export function ranPhase(name: string, from: number, to: number, extra: Partial<PhaseRecord> = {}): PhaseRecord {
  return {
    name,
    status: 'done',
    started: at(from),
    finished: at(to),
    duration_ms: Math.round((to - from) * 1000),
    exit_code: 0,
    command: `compose-${name} --compose-dir /srv/composes/${REFERENCE_ID}`,
    log: `logs/global/${name}.global.log`,
    ...extra,
  };
}

export function madeDeliverable(kind: string, variant: string, arch: string, from: number, to: number, extra: Partial<PhaseDeliverable> = {}): PhaseDeliverable {
  return { kind, variant, arch, subvariant: variant, status: 'done', failable: false, started: at(from), finished: at(to), ...extra };
}

export interface FixtureOptions {
  status?: string;
  phases?: PhaseRecord[];
  deliverables?: PhaseDeliverable[];
  finishedAt?: number;
  /** Reference metadata files to copy into compose/metadata (default: all three). */
  metadata?: ('rpms.json' | 'images.json' | 'composeinfo.json')[];
  deliverablesJson?: boolean;
  /** Write phases.json as a bare payload instead of a compose.phases envelope. */
  barePhases?: boolean;
}

export async function makeComposeDir(options: FixtureOptions = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'compose-report-'));
  const dir = path.join(root, REFERENCE_ID);
  await mkdir(path.join(dir, 'compose/metadata'), { recursive: true });
  await mkdir(path.join(dir, 'logs/global'), { recursive: true });
  await writeFile(path.join(dir, 'COMPOSE_ID'), `${REFERENCE_ID}\n`);
  await writeFile(path.join(dir, 'STATUS'), `${options.status ?? 'FINISHED'}\n`);
  for (const name of options.metadata ?? ['rpms.json', 'images.json', 'composeinfo.json']) {
    await copyFile(path.join(REFERENCE, 'compose/metadata', name), path.join(dir, 'compose/metadata', name));
  }
  if (options.deliverablesJson !== false) {
    await copyFile(path.join(REFERENCE, 'logs-global-deliverables.json'), path.join(dir, 'logs/global/deliverables.json'));
  }
  if (options.phases) {
    const payload: PhasesManifest = {
      compose_id: REFERENCE_ID,
      status: options.status ?? 'FINISHED',
      started: at(0),
      finished: options.finishedAt === undefined ? undefined : at(options.finishedAt),
      phases: options.phases,
      deliverables: options.deliverables ?? [],
    };
    const data = options.barePhases ? payload : { header: { type: 'compose.phases', version: '1.0' }, payload };
    await writeFile(path.join(dir, 'logs/global/phases.json'), JSON.stringify(data, null, 2));
  }
  return dir;
}
