export { createImagesDocument, dropImages, listImages, parseImages, putImages, readImages, serializeImages, writeImages } from './images-json.js';
export type { ImageRecord, ImagesCompose, ImagesDocument, ImagePlacement } from './images-json.js';
