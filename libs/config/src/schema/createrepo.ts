import {
  option,
  booleanValue,
  numberValue,
  stringOrScmDict,
  scmDict,
  variantArchMapping,
  type OptionSchema,
} from './shapes.js';
import { availableParallelism } from 'node:os';

/** Createrepo, product certificates and repoclosure. */
export const createrepoOptions: Record<string, OptionSchema> = {
  createrepo_c: option('Use createrepo_c instead of createrepo.', booleanValue(), true),
  createrepo_checksum: option(
    'Checksum type of repodata.',
    { type: 'string', enum: ['sha', 'sha1', 'sha256', 'sha512'] },
    'sha256',
  ),
  createrepo_use_xz: option('Compress repodata with xz.', booleanValue(), false),
  // Pungi uses multiprocessing.cpu_count(), so the effective value depends on the machine.
  createrepo_num_threads: option(
    'Threads per createrepo run (default: number of CPUs of the machine).',
    numberValue(),
    availableParallelism(),
  ),
  createrepo_num_workers: option('How many createrepo runs happen in parallel.', numberValue(), 3),
  createrepo_database: option('Create sqlite databases in repodata.', booleanValue()),
  createrepo_extra_args: option(
    'Extra command line arguments for createrepo.',
    { type: 'array', items: { type: 'string' } },
    [],
  ),
  createrepo_extra_modulemd: option(
    'Extra modulemd documents per variant, taken from version control.',
    { type: 'object', patternProperties: { '.+': scmDict() } },
  ),
  createrepo_enable_cache: option('Use a createrepo cache directory.', booleanValue(), true),
  createrepo_deltas: option('Create delta RPMs: a boolean, or per variant and arch.', {
    anyOf: [booleanValue(), variantArchMapping(booleanValue(), false)],
  }),
  product_id: option('Product certificates to add to repodata.', stringOrScmDict()),
  product_id_allow_missing: option('Do not fail when a variant has no product certificate.', booleanValue(), false),
  product_id_allow_name_prefix: option(
    'Allow a prefix before the product ID in certificate file names.',
    booleanValue(),
    true,
  ),
  repoclosure_strictness: option(
    'Repoclosure result handling per variant and arch: "off", "lenient" (log only) or "fatal".',
    variantArchMapping({ type: 'string', enum: ['off', 'lenient', 'fatal'] }),
  ),
  repoclosure_backend: option('Repoclosure backend.', { type: 'string', enum: ['dnf'] }, 'dnf'),
};
