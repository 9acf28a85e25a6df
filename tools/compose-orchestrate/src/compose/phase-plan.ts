// The phase graph of a compose: which tool runs each of Pungi's phases, and what each waits for.
type Config = Readonly<Record<string, unknown>>;

/** One tool run of a compose; named after the Pungi phase it mainly is. */
export interface StepDefinition {
  name: string;
  /** Pungi phases this run performs, the main one first (createrepo also does extra_files). */
  phases: readonly string[];
  /** Steps whose results it reads: it starts as soon as these are done, not later. */
  needs: readonly string[];
  /** Executable, e.g. compose-createrepo. */
  tool: string;
  subcommand?: string;
  /** Whether the tool takes --old-composes. */
  takesOldComposes: boolean;
  /** Why the config gives this phase nothing to do, or undefined when it does. */
  idleReason?: (config: Config) => string | undefined;
}

const isSet = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== false && value !== '' &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

export const COMPOSE_STEPS: readonly StepDefinition[] = [
  { name: 'pkgset', phases: ['pkgset'], needs: [], tool: 'compose-pkgset', takesOldComposes: true },
  { name: 'gather', phases: ['gather'], needs: ['pkgset'], tool: 'compose-gather', takesOldComposes: true },
  { name: 'createrepo', phases: ['createrepo', 'extra_files'], needs: ['gather'], tool: 'compose-createrepo', takesOldComposes: true },
  { name: 'createiso', phases: ['createiso', 'extra_isos'], needs: ['createrepo'], tool: 'compose-createiso', takesOldComposes: true },
  { name: 'image_checksum', phases: ['image_checksum'], needs: ['createiso'], tool: 'compose-checksum', takesOldComposes: true },
  {
    name: 'ostree',
    phases: ['ostree'],
    needs: ['createrepo'],
    tool: 'compose-ostree',
    takesOldComposes: false,
    idleReason: (config) => (isSet(config['ostree']) ? undefined : 'no ostree option in the config'),
  },
  { name: 'repoclosure', phases: ['repoclosure'], needs: ['createrepo'], tool: 'compose-createrepo', subcommand: 'repoclosure', takesOldComposes: true },
  { name: 'test', phases: ['test'], needs: ['image_checksum'], tool: 'compose-createiso', subcommand: 'test', takesOldComposes: false },
];

/**
 * Pungi phases without a tool yet, each with the option that gives it work. Configured and not
 * skipped, they stop the compose before it starts instead of being silently left out.
 */
export const UNIMPLEMENTED_PHASES: Readonly<Record<string, (config: Config) => boolean>> = {
  buildinstall: (config) => isSet(config['buildinstall_method']) || config['bootable'] === true,
  live_images: (config) => isSet(config['live_images']),
  image_build: (config) => isSet(config['image_build']),
  image_container: (config) => isSet(config['image_container']),
  kiwibuild: (config) => isSet(config['kiwibuild']),
  osbuild: (config) => isSet(config['osbuild']),
  osbs: (config) => isSet(config['osbs']),
  ostree_installer: (config) => isSet(config['ostree_installer']),
  ostree_container: (config) => isSet(config['ostree_container']),
  live_media: (config) => isSet(config['live_media']),
};

/** Sub-phases a step performs only when the config asks for them (for phase-start messages). */
export const SUB_PHASE_OPTIONS: Readonly<Record<string, string>> = {
  extra_files: 'extra_files',
  extra_isos: 'extra_isos',
};

/** Every phase name --skip-phase/--just-phase accept: ours plus the ones not built yet. */
export function listKnownPhases(): string[] {
  return ['init', ...COMPOSE_STEPS.flatMap((step) => step.phases), ...Object.keys(UNIMPLEMENTED_PHASES)];
}

export function isOptionSet(config: Config, option: string): boolean {
  return isSet(config[option]);
}
