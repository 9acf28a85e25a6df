// The gather phase: every variant.arch solved in Pungi's order, trimmed against parents, linked
// into the trees, and described in rpms.json plus one compose.gather manifest per variant.arch.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { getWorkDir } from '@compose/compose-info';
import { GATHER_MANIFEST, GATHER_RUN_MANIFEST, type ComposeManifest, type GatherManifest, type GatherPackage, type PkgsetManifest } from '@compose/contracts';
import type { Logger } from '@compose/log';
import { writeManifest } from '@compose/manifest';
import { CompsFiles } from './comps-files.js';
import { gatherVariantArch, type GatherContext, type VariantArchResult } from './gather-variant.js';
import { readPrepopulate, readSourceMapping } from './input-files.js';
import { computeGatherDigest, type GatherDigest } from './inputs-digest.js';
import { linkPackage, placePackage, requireLocalFile, type LinkType } from './link-packages.js';
import { PackageSet } from './package-set.js';
import { PKG_TYPES, type PkgMap } from './pkg-map.js';
import { copyRpmsMetadata, findReusableGather, retargetManifests, type ReusableGather } from './reuse.js';
import { buildRpmsMetadata, formatPackageNevra, writeModulesMetadata, writeRpmsMetadata, type RpmEntry } from './rpms-metadata.js';
import { CATEGORY_OF, trimAll } from './trim.js';
import { orderVariantsForGather } from './variant-order.js';

export interface GatherRunOptions {
  composeDir: string;
  log: Logger;
  /** Target dirs (or compose dirs) of earlier composes whose gather result may be reused. */
  oldComposes?: readonly string[];
  timings?: Record<string, number>;
}

export interface GatherRunResult {
  rpmsJson: string;
  manifests: { file: string; manifest: GatherManifest }[];
  /** "<uid>.<arch>" -> number of packages linked. */
  counts: Record<string, number>;
  inputsDigest: string;
  /** The old compose the result was taken from, or null when it was gathered here. */
  reusedFrom: string | null;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

export async function runGather(compose: ComposeManifest, pkgset: PkgsetManifest, options: GatherRunOptions): Promise<GatherRunResult> {
  const { composeDir, log } = options;
  const timings = options.timings ?? {};
  const config = compose.config;
  const packageSet = new PackageSet(pkgset, composeDir);
  // variant_as_lookaside repos describe this run's results: never reuse an earlier run's.
  for (const arch of compose.arches) {
    const dir = getWorkDir(composeDir, arch);
    for (const name of await readdir(dir).catch(() => [] as string[])) if (name.startsWith('lookaside_repo_')) await rm(path.join(dir, name), { recursive: true, force: true });
  }
  const digest = await computeGatherDigest(compose, pkgset, composeDir);
  const reusable = options.oldComposes?.length ? await findReusableGather(options.oldComposes, compose, composeDir, digest, log) : undefined;
  if (reusable) return reuseGather(reusable, compose, packageSet, digest, options);

  const ctx: GatherContext = {
    compose,
    composeDir,
    pkgset: packageSet,
    comps: new CompsFiles(compose, composeDir),
    mapping: await readSourceMapping(config, compose.config_dir),
    prepopulate: await readPrepopulate(config, compose.config_dir),
    log,
    results: new Map(),
  };
  let started = performance.now();
  const details = new Map<string, VariantArchResult>();
  const ordered = orderVariantsForGather(compose.variants);
  for (const variant of ordered) {
    // The arches of one variant are independent of each other (Pungi runs them in threads).
    const results = await Promise.all(variant.arches.map((arch) => gatherVariantArch(ctx, variant, arch)));
    variant.arches.forEach((arch, i) => {
      const result = results[i] as VariantArchResult;
      details.set(`${variant.uid}.${arch}`, result);
      if (!ctx.results.has(arch)) ctx.results.set(arch, new Map());
      ctx.results.get(arch)!.set(variant.uid, result.map);
      log.info(`${variant.uid}.${arch}: ${result.map.rpm.size} binary, ${result.map.srpm.size} source, ${result.map.debuginfo.size} debuginfo packages`);
    });
  }
  timings['solve'] = elapsed(started);
  const removals = trimAll(compose, ctx.results, log);

  started = performance.now();
  const hashed = config['hashed_directories'] === true;
  const entries: RpmEntry[] = [];
  const manifests: GatherRunResult['manifests'] = [];
  const counts: Record<string, number> = {};
  const planned: { source: string; destination: string }[] = [];
  for (const variant of ordered) {
    for (const arch of variant.arches) {
      const key = `${variant.uid}.${arch}`;
      const map = ctx.results.get(arch)?.get(variant.uid) as PkgMap;
      const packages = ctx.pkgset.packagesOf(arch);
      const listed: GatherPackage[] = [];
      for (const type of PKG_TYPES) {
        for (const item of [...map[type].values()].sort((a, b) => a.file.localeCompare(b.file))) {
          const pkg = packages.get(item.file);
          const source = requireLocalFile(pkg, item.file);
          const relative = placePackage(composeDir, variant, arch, type, item.file, hashed);
          planned.push({ source, destination: path.join(composeDir, 'compose', relative) });
          entries.push({ variant: variant.uid, arch, pkg: pkg!, category: CATEGORY_OF[type], path: relative });
          listed.push({ file: item.file, nevra: formatPackageNevra(pkg!), category: CATEGORY_OF[type], path: relative, source_path: source, sigkey: pkg!.sigkey, reasons: item.reasons });
        }
      }
      counts[key] = listed.length;
      const detail = details.get(key)!;
      const manifest: GatherManifest = {
        compose_id: compose.compose_id,
        variant: variant.uid,
        variant_type: variant.type,
        arch,
        inputs: detail.inputs,
        packages: listed,
        removed: removals.get(key) ?? [],
        broken_deps: detail.brokenDeps,
        missing_packages: detail.missing,
      };
      manifests.push({ file: path.join(getWorkDir(composeDir, arch), `gather-${variant.uid}.json`), manifest });
    }
  }
  await linkPlanned(planned, compose);
  timings['link'] = elapsed(started);

  started = performance.now();
  for (const { file, manifest } of manifests) await writeManifest(file, GATHER_MANIFEST, manifest);
  const rpmsJson = await writeRpmsMetadata(composeDir, buildRpmsMetadata(compose, entries));
  await writeModulesMetadata(composeDir, compose);
  await writeRunManifest(compose, composeDir, digest, null, rpmsJson, manifests, counts);
  timings['write'] = elapsed(started);
  return { rpmsJson, manifests, counts, inputsDigest: digest.digest, reusedFrom: null };
}

async function linkPlanned(planned: readonly { source: string; destination: string }[], compose: ComposeManifest): Promise<void> {
  const linkType = (compose.config['link_type'] as LinkType | undefined) ?? 'hardlink-or-copy';
  // A source package shared by several arches is linked once.
  const unique = new Map(planned.map((p) => [p.destination, p.source]));
  for (const [destination, source] of unique) await linkPackage(source, destination, linkType);
}

/** work/global/gather.json, written last: the digest a later compose compares to reuse this result. */
async function writeRunManifest(compose: ComposeManifest, composeDir: string, digest: GatherDigest, reusedFrom: string | null, rpmsJson: string, manifests: GatherRunResult['manifests'], counts: Record<string, number>): Promise<void> {
  await writeManifest(path.join(composeDir, 'work', 'global', 'gather.json'), GATHER_RUN_MANIFEST, {
    compose_id: compose.compose_id,
    inputs_digest: digest.digest,
    inputs: digest.parts,
    reused_from: reusedFrom,
    rpms_json: path.relative(composeDir, rpmsJson),
    manifests: manifests.map((m) => path.relative(composeDir, m.file)),
    per_variant_arch: counts,
  });
}

/** Takes the old compose's result: its manifests and rpms.json retargeted, the trees linked from this package set. */
async function reuseGather(reusable: ReusableGather, compose: ComposeManifest, pkgset: PackageSet, digest: GatherDigest, options: GatherRunOptions): Promise<GatherRunResult> {
  const { composeDir, log } = options;
  const timings = options.timings ?? {};
  let started = performance.now();
  const manifests = await retargetManifests(reusable, compose, composeDir, pkgset);
  const planned = manifests.flatMap(({ manifest }) => manifest.packages.map((p) => ({ source: p.source_path, destination: path.join(composeDir, 'compose', p.path) })));
  await linkPlanned(planned, compose);
  timings['link'] = elapsed(started);
  started = performance.now();
  for (const { file, manifest } of manifests) await writeManifest(file, GATHER_MANIFEST, manifest);
  const rpmsJson = await copyRpmsMetadata(reusable, compose, composeDir);
  await writeModulesMetadata(composeDir, compose);
  const counts = Object.fromEntries(manifests.map(({ manifest }) => [`${manifest.variant}.${manifest.arch}`, manifest.packages.length]));
  await writeRunManifest(compose, composeDir, digest, reusable.composeDir, rpmsJson, manifests, counts);
  timings['write'] = elapsed(started);
  log.info(`gather reused from ${reusable.composeDir} (inputs unchanged)`);
  return { rpmsJson, manifests, counts, inputsDigest: digest.digest, reusedFrom: reusable.composeDir };
}
