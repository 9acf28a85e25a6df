export { checkImage } from './check-image.js';
export type { ImageCheck, CheckImageOptions } from './check-image.js';
export { checkImages } from './check-images.js';
export type { ImagesCheckReport, CheckImagesOptions } from './check-images.js';
export { readIsoHeader, parseVolumeDescriptors, SECTOR_BYTES } from './iso-header.js';
export type { IsoHeader, PrimaryVolume } from './iso-header.js';
export { isVerifiableByCheckisomd5, runCheckisomd5, MIN_VERIFIABLE_SECTORS, IMPLANT_SKIP_SECTORS } from './implanted-md5.js';
export type { Checkisomd5Report, Checkisomd5Result } from './implanted-md5.js';
