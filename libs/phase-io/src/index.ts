export { requireComposeDir, readPhaseInput, writePhaseOutput, joinDashValues } from './phase-io.js';
export type { PhaseIoOptions } from './phase-io.js';
export { startToolCli, finishToolCli } from './tool-cli.js';
export { startPhaseCli, openPhaseCompose } from './compose-cli.js';
export type { OpenedCompose } from './compose-cli.js';
export { readTreePackageChecksums } from './tree-checksums.js';
