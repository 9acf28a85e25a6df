import path from 'node:path';
import { findProductCertificate } from '@compose/createrepo';
import { FailedError, InputError } from '@compose/errors';
import { fetchFromScm, type ScmContext, type ScmDict } from '@compose/scm';
import type { TreeJob } from './list-trees.js';

type Config = Readonly<Record<string, unknown>>;

/**
 * Brings the product_id certificates into work/global/product_id (Pungi's
 * get_productids_from_scm) and returns the certificate per binary job. A variant.arch without a
 * certificate fails the phase before any createrepo run unless product_id_allow_missing is set.
 */
export async function resolveProductIds(config: Config, jobs: readonly TreeJob[], workDir: string, context: ScmContext): Promise<Map<TreeJob, string>> {
  const result = new Map<TreeJob, string>();
  const source = config['product_id'];
  if (source === undefined || source === null) return result;
  const dir = path.join(workDir, 'product_id');
  const scm: ScmDict | string = typeof source === 'string' ? { scm: 'file', dir: source } : { ...(source as ScmDict) };
  if (typeof scm !== 'string' && !scm.dir && !scm.file) throw new InputError('PRODUCT_ID', 'product_id needs a dir (or file) with <variant uid>-<arch>-*.pem certificates');
  await fetchFromScm(scm, dir, context);
  const missing: string[] = [];
  for (const job of jobs) {
    if (job.pkgType !== 'rpm') continue;
    const pem = await findProductCertificate(dir, { variantUid: job.variant.uid, arch: job.arch, allowNamePrefix: config['product_id_allow_name_prefix'] !== false });
    if (pem) result.set(job, pem);
    else missing.push(`${job.variant.uid}.${job.arch}`);
  }
  if (missing.length && config['product_id_allow_missing'] !== true) {
    throw new FailedError('PRODUCT_ID_MISSING', `no product certificate found for ${missing.join(', ')} in ${dir}`, { hint: 'add <variant uid>-<arch>-*.pem files or set product_id_allow_missing = True' });
  }
  return result;
}
