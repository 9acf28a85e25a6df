// The latest-<short>-<version> symlink next to the composes, as pungi-koji maintains it.
import { randomBytes } from 'node:crypto';
import { rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { ProductIdentity } from './compose-id.js';

export interface LatestLinkNameInput {
  release: ProductIdentity;
  baseProduct?: ProductIdentity;
  /**
   * Pungi's latest_link_components: how many version parts to keep; negative drops parts
   * from the end, 0 leaves the version out. Default -1 keeps the major version (1.0 -> 1).
   */
  components?: number;
}

/** `latest-DP-1` for DP 1.0; layered products append `-<base short>-<base version>`. */
export function getLatestLinkName(input: LatestLinkNameInput): string {
  const components = input.components ?? -1;
  let name: string;
  if (components === 0) {
    name = `latest-${input.release.short}`;
  } else {
    const hunks = input.release.version.split('.');
    const keep = components > 0 ? Math.min(hunks.length, components) : Math.max(1, hunks.length + components);
    name = `latest-${input.release.short}-${hunks.slice(0, keep).join('.')}`;
  }
  if (input.baseProduct) name += `-${input.baseProduct.short}-${input.baseProduct.version}`;
  return name;
}

/**
 * Point `<targetDir>/<linkName>` at the compose directory `composeId` (relative, so the tree
 * can be moved). The new link is made under a temp name and renamed over the old one, so
 * readers never see the link missing.
 */
export async function updateLatestLink(targetDir: string, linkName: string, composeId: string): Promise<string> {
  const linkPath = path.join(targetDir, linkName);
  const tempPath = path.join(targetDir, `.${linkName}.${randomBytes(6).toString('hex')}.tmp`);
  await symlink(composeId, tempPath);
  try {
    await rename(tempPath, linkPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  return linkPath;
}
