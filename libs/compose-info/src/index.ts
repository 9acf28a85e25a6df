export {
  COMPOSE_TYPES,
  RELEASE_TYPES,
  createComposeId,
  getComposeIdPrefix,
  getComposeTypeSuffix,
  parseComposeId,
  tryParseComposeId,
  formatComposeDate,
} from './compose-id.js';
export type { ComposeType, ComposeIdentity, ProductIdentity, ParsedComposeId } from './compose-id.js';
export { countRespin } from './respin.js';
export type { CountRespinOptions } from './respin.js';
export { LABEL_NAMES, isValidLabel, validateLabel, getLabelMajorVersion, isReleaseCandidateLabel } from './label.js';
export {
  VARIANT_PATH_KINDS,
  getRelativeVariantPath,
  getVariantPath,
  getComposeTreeDir,
  getOsTreeDir,
  getPackagesDir,
  getRepositoryDir,
  getDebugTreeDir,
  getDebugPackagesDir,
  getDebugRepositoryDir,
  getIsoDir,
  getMetadataPath,
  getLogDir,
  getLogFilePath,
  getWorkDir,
  getStatusFilePath,
  getComposeIdFilePath,
} from './layout.js';
export type { VariantPathKind, LayoutOptions } from './layout.js';
export { COMPOSE_STATUSES, canChangeStatus, readStatus, writeStatus } from './status.js';
export type { ComposeStatus } from './status.js';
export { createComposeDir } from './compose-dir.js';
export type { NewComposeIdentity, CreatedCompose } from './compose-dir.js';
export { buildComposeInfo, dropMissingPaths, serializeComposeInfo, writeComposeInfo } from './composeinfo.js';
export type {
  ComposeInfo,
  ComposeInfoInput,
  ComposeInfoVariant,
  ReleaseInfo,
  BaseProductInfo,
  VariantPaths,
} from './composeinfo.js';
export { formatProductmdJson } from './productmd-json.js';
export { getLatestLinkName, updateLatestLink } from './latest-link.js';
export type { LatestLinkNameInput } from './latest-link.js';
export type { VariantType, VariantRef, ComposeVariant, LayeredRelease } from './variant-shape.js';
export { VERSION_GENERATORS, generateVersion, getImageRelease, getImageVersion } from './version-generator.js';
export type { VersionSource } from './version-generator.js';
export { getComposeFormatValues } from './format-values.js';
export type { FormatSource } from './format-values.js';
export { REUSABLE_COMPOSE_STATUSES, listOldComposes } from './old-composes.js';
export type { OldCompose } from './old-composes.js';
