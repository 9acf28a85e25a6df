import { checkOptionDependencies } from './option-dependencies.js';
import { isTruthy } from './describe-value.js';
import type { ConfigIssue } from './types.js';

/** Phases that use Koji directly when configured, so they need koji_profile. */
const KOJI_PHASE_OPTIONS = ['image_build', 'live_media', 'live_images', 'osbs', 'osbuild', 'kiwibuild', 'image_container'];

/** Phases whose output a later phase consumes; skipping only the first breaks the second. */
const NEEDED_BY: Readonly<Record<string, string>> = { pkgset: 'gather', gather: 'createrepo' };

function usesKojiRunroot(config: Record<string, unknown>): boolean {
  const method = config.runroot_method;
  if (method === 'koji' || config.global_runroot_method === 'koji') return true;
  return typeof method === 'object' && method !== null && Object.values(method).includes('koji');
}

/** Koji access: Pungi fails late (mid-compose) without a profile, so report it up front. */
function checkKojiProfile(config: Record<string, unknown>): ConfigIssue[] {
  if ('koji_profile' in config) return [];
  if (config.pkgset_source === 'koji') {
    return [
      {
        code: 'CONFIG_REQUIRES',
        path: ['pkgset_source'],
        message: `option pkgset_source="koji" requires 'koji_profile', which is not set`,
      },
    ];
  }
  const kojiPhase = KOJI_PHASE_OPTIONS.find((name) => isTruthy(config[name]));
  if (!kojiPhase) return [];
  return [
    {
      code: 'CONFIG_REQUIRES',
      path: [kojiPhase],
      message: `option '${kojiPhase}' builds in Koji and requires 'koji_profile', which is not set`,
    },
  ];
}

function checkKojiRunroot(config: Record<string, unknown>): ConfigIssue[] {
  if (!usesKojiRunroot(config) || isTruthy(config.runroot_tag)) return [];
  const option = 'runroot_method' in config ? 'runroot_method' : 'global_runroot_method';
  return [{ code: 'CONFIG_REQUIRES', path: [option], message: `Koji runroot requires 'runroot_tag', which is not set` }];
}

function checkSkippedPhases(config: Record<string, unknown>): ConfigIssue[] {
  const skipped = Array.isArray(config.skip_phases) ? (config.skip_phases as unknown[]) : [];
  return Object.entries(NEEDED_BY)
    .filter(([phase, consumer]) => skipped.includes(phase) && !skipped.includes(consumer))
    .map(([phase, consumer]) => ({
      code: 'CONFIG_CONFLICT',
      path: ['skip_phases'],
      message: `phase '${phase}' is skipped but the '${consumer}' phase needs it`,
      hint: `skip '${consumer}' too, or run '${phase}'`,
    }));
}

/**
 * Checks across options, run after the schema passed and defaults are filled in:
 * Pungi's requires/conflicts table plus the checks Pungi does at compose start.
 */
export function checkSemantics(config: Record<string, unknown>): ConfigIssue[] {
  return [...checkOptionDependencies(config), ...checkKojiProfile(config),
    ...checkKojiRunroot(config), ...checkSkippedPhases(config)];
}
