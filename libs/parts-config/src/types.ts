import type { SourceLocation } from '@compose/errors';

export const PART_COMPOSE_TYPES = ['production', 'test', 'nightly', 'ci'] as const;
export type PartsComposeType = (typeof PART_COMPOSE_TYPES)[number];

/** Identity of the final compose, from the release_* and base_product_* keys of [general]. */
export interface PartsRelease {
  name: string;
  short: string;
  version: string;
  type: string;
  internal: boolean;
}

export interface PartsBaseProduct {
  name: string;
  short: string;
  version: string;
  type: string;
}

export interface PartsGeneral {
  /** Absolute; relative values are resolved against the parts file's directory. Absent when not set. */
  target?: string;
  composeType: PartsComposeType;
  release: PartsRelease;
  baseProduct?: PartsBaseProduct;
  /** Extra arguments for every part's compose run, split on commas and spaces as Pungi does. */
  extraArgs: string[];
  /** Shell commands, one per non-empty line. */
  preComposeScript: string[];
  postComposeScript: string[];
  notificationScript?: string;
}

export interface PartDefinition {
  /** The section name; `{{part-<name>}}` refers to this part's compose directory. */
  name: string;
  /** Absolute path of the part's Pungi config. */
  config: string;
  justPhase: string[];
  skipPhase: string[];
  dependsOn: string[];
  failable: boolean;
  location: SourceLocation;
}

export interface PartsConfig {
  /** Absolute path of the parts INI file. */
  file: string;
  /** Its directory: relative part configs resolve here and `{{configdir}}` expands to it. */
  configDir: string;
  general: PartsGeneral;
  /** In file order. */
  parts: PartDefinition[];
  warnings: string[];
}
