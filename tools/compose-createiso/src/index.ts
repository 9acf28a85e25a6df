export { runCreateisoPhase, getSourceDateEpoch } from './run.js';
export type { CreateisoOptions, CreateisoPhase } from './run.js';
export { planIsos } from './plan-isos.js';
export type { IsoJob } from './plan-isos.js';
export { planExtraIsos } from './extra-isos.js';
export { getImageName, getVolumeId } from './media-names.js';
