export { requireComposeDir, readPhaseInput, writePhaseOutput, joinDashValues } from './phase-io.js';
export type { PhaseIoOptions } from './phase-io.js';
export { startToolCli, finishToolCli } from './tool-cli.js';
