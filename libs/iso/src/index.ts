export { convertMediaSize } from './media-size.js';
export { formatNameTemplate } from './format-template.js';
export type { TemplateValues } from './format-template.js';
export { computeVolumeId, substituteVolumeId, MAX_VOLUME_ID_LENGTH } from './volume-id.js';
export type { VolumeIdOptions } from './volume-id.js';
export {
  buildMkisofsArgv,
  buildImplantArgv,
  buildImplantedMd5Argv,
  buildCheckisomd5Argv,
  buildIsoListingArgv,
  buildIsohybridArgv,
  buildVolumeIdArgv,
  formatXorrisoDate,
} from './mkisofs-argv.js';
export type { IsoTool, MkisofsOptions } from './mkisofs-argv.js';
export { buildBootArgs, isBootableLayout } from './boot-options.js';
export type { BootTreeLayout } from './boot-options.js';
export { splitMedia } from './media-split.js';
export type { SplitFile, Disc } from './media-split.js';
export { collectGraftPoints, formatGraftPoints } from './graft-points.js';
export type { GraftPoints } from './graft-points.js';
export { parseIsoListing, formatIsoManifest, parseVolumeId } from './iso-listing.js';
export { makeIsoImage } from './make-iso.js';
export type { MakeIsoOptions, MadeIso } from './make-iso.js';
export { addHiddenPadding } from './hidden-padding.js';
