import path from 'node:path';
import { getLogDir } from '@compose/compose-info';
import { PHASES_MANIFEST, type PhaseDeliverable, type PhaseRecord, type PhasesManifest } from '@compose/contracts';
import { writeManifest } from '@compose/manifest';

export interface PhasesLog {
  /** Adds a phase in the order phases are listed (before it starts). */
  add(name: string, fields?: Partial<PhaseRecord>): void;
  update(name: string, fields: Partial<PhaseRecord>): void;
  setDeliverables(deliverables: readonly PhaseDeliverable[]): void;
  setStatus(status: string, finished?: string): void;
  get(name: string): PhaseRecord | undefined;
  snapshot(): PhasesManifest;
  /** Writes logs/global/phases.json now (writes are queued, so the file always ends current). */
  write(): Promise<void>;
}

/**
 * logs/global/phases.json kept current during the compose: rewritten (atomically) at every
 * phase start and end, so a person or the report can watch a running compose.
 */
export function createPhasesLog(composeDir: string, composeId: string, started: string): PhasesLog {
  const file = path.join(getLogDir(composeDir), 'phases.json');
  const manifest: PhasesManifest = { compose_id: composeId, status: 'STARTED', started, phases: [], deliverables: [] };
  let queue: Promise<void> = Promise.resolve();
  const find = (name: string): PhaseRecord | undefined => manifest.phases.find((p) => p.name === name);
  return {
    add(name, fields = {}) {
      if (!find(name)) manifest.phases.push({ name, status: 'pending', ...fields });
    },
    update(name, fields) {
      const record = find(name);
      if (record) Object.assign(record, fields);
      else manifest.phases.push({ name, status: 'pending', ...fields });
    },
    setDeliverables(deliverables) {
      manifest.deliverables = [...deliverables];
    },
    setStatus(status, finished) {
      manifest.status = status;
      if (finished) manifest.finished = finished;
    },
    get: find,
    snapshot: () => structuredClone(manifest),
    write() {
      const copy = structuredClone(manifest);
      queue = queue.catch(() => undefined).then(() => writeManifest(file, PHASES_MANIFEST, copy));
      return queue;
    },
  };
}
