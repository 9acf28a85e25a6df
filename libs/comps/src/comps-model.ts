export type PackageReqType = 'mandatory' | 'default' | 'optional' | 'conditional';
export const PACKAGE_REQ_TYPES: readonly PackageReqType[] = ['mandatory', 'default', 'optional', 'conditional'];

/**
 * Comps as written in the XML, before any consumer's defaults: optional fields stay undefined
 * when the file leaves them out. `arch` and `variant` are Pungi's extension attributes
 * ("x86_64 ppc64le", comma or space separated) that the comps filter consumes.
 */
export interface CompsPackageReq {
  name: string;
  /** libcomps (and so dnf and Pungi) treat a missing type as mandatory. */
  type?: PackageReqType;
  requires?: string;
  basearchonly?: boolean;
  arch?: string;
  variant?: string;
}

export interface CompsGroupRef {
  id: string;
  arch?: string;
  default?: boolean;
}

/** Name and description with their xml:lang translations. */
export interface CompsLabels {
  name: string;
  nameByLang: Record<string, string>;
  description?: string;
  descriptionByLang: Record<string, string>;
}

export interface CompsGroup extends CompsLabels {
  id: string;
  /** libcomps default: false. */
  default?: boolean;
  /** libcomps default: true. */
  uservisible?: boolean;
  langonly?: string;
  displayOrder?: number;
  biarchonly?: boolean;
  arch?: string;
  variant?: string;
  packages: CompsPackageReq[];
}

export interface CompsEnvironment extends CompsLabels {
  id: string;
  displayOrder?: number;
  arch?: string;
  variant?: string;
  groups: CompsGroupRef[];
  options: CompsGroupRef[];
}

export interface CompsCategory extends CompsLabels {
  id: string;
  displayOrder?: number;
  groups: CompsGroupRef[];
}

export interface CompsLangpack {
  name: string;
  install: string;
}

/** A comps document; every list keeps the order of the source file. */
export interface Comps {
  groups: CompsGroup[];
  environments: CompsEnvironment[];
  categories: CompsCategory[];
  langpacks: CompsLangpack[];
}

/** A deep copy, so filters never change the comps they were given. */
export function cloneComps(comps: Comps): Comps {
  return structuredClone(comps);
}
