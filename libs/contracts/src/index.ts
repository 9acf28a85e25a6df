// Manifest contracts between tools: the writer and every reader share one schema, so they
// live here rather than beside one tool (tools never import each other).
export { COMPOSE_MANIFEST } from './compose-manifest.js';
export type { ComposeManifest, ComposeManifestVariant } from './compose-manifest.js';
export { PKGSET_MANIFEST } from './pkgset-manifest.js';
export type { PkgsetManifest, PkgsetPackage, PkgsetSource } from './pkgset-manifest.js';
export { GATHER_MANIFEST, GATHER_RUN_MANIFEST } from './gather-manifest.js';
export type { GatherManifest, GatherPackage, GatherReason, GatherInputs, GatherCategory, GatherRunManifest } from './gather-manifest.js';
export { CREATEREPO_MANIFEST } from './createrepo-manifest.js';
export type { CreaterepoManifest, CreaterepoTree, CreaterepoExtraFile, CreaterepoPkgType } from './createrepo-manifest.js';
export { PHASES_MANIFEST, DELIVERABLE_SCHEMA } from './phases-manifest.js';
export type { PhasesManifest, PhaseRecord, PhaseStatus, PhaseDeliverable, DeliverableStatus } from './phases-manifest.js';
export { CREATEISO_MANIFEST } from './createiso-manifest.js';
export type { CreateisoManifest, CreateisoImage } from './createiso-manifest.js';
export { OSTREE_MANIFEST } from './ostree-manifest.js';
export type { OstreeManifest, OstreeCommitRecord } from './ostree-manifest.js';
export { CHECKSUM_MANIFEST } from './checksum-manifest.js';
export type { ChecksumManifest, ChecksumImage } from './checksum-manifest.js';
export { REPOCLOSURE_MANIFEST } from './repoclosure-manifest.js';
export type { RepoclosureManifest, RepoclosureCheckRecord } from './repoclosure-manifest.js';
export { IMAGE_TEST_MANIFEST } from './image-test-manifest.js';
export type { ImageTestManifest } from './image-test-manifest.js';
