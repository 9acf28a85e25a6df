import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { runTool } from '@compose/exec';
import { buildModifyrepoArgv } from './createrepo-argv.js';

export interface ProductCertificateQuery {
  variantUid: string;
  arch: string;
  /** product_id_allow_name_prefix (default true): layered products may prefix the base product's name. */
  allowNamePrefix?: boolean;
}

/**
 * Finds the `<variant uid>-<arch>-*.pem` certificate Pungi's product_id option points at.
 * None is `undefined` (the caller decides whether product_id_allow_missing applies); several
 * are an InputError because Pungi cannot tell which one is meant either.
 */
export async function findProductCertificate(dir: string, query: ProductCertificateQuery): Promise<string | undefined> {
  const stem = `${query.variantUid}-${query.arch}-`;
  const matches = (await readdir(dir))
    .filter((name) => name.endsWith('.pem'))
    .filter((name) => (query.allowNamePrefix ?? true ? name.includes(stem) : name.startsWith(stem)))
    .sort();
  if (matches.length > 1) {
    throw new InputError('PRODUCT_ID_AMBIGUOUS', `multiple product certificates found (arch: ${query.arch}, variant: ${query.variantUid}): ${matches.join(', ')}`);
  }
  return matches[0] === undefined ? undefined : path.join(dir, matches[0]);
}

/**
 * Adds a product certificate to a binary repo as Pungi does: modifyrepo_c records it in
 * repomd.xml as gzip-compressed "productid" metadata, and a plain copy goes next to it as
 * repodata/productid because content delivery tooling reads that file directly.
 */
export async function addProductId(repoDir: string, certificate: string): Promise<void> {
  const repodata = path.join(repoDir, 'repodata');
  // modifyrepo_c names the metadata type after the file, so stage the cert as "productid".
  const staging = await mkdtemp(path.join(tmpdir(), 'productid-'));
  try {
    const staged = path.join(staging, 'productid');
    await copyFile(certificate, staged);
    await runTool(buildModifyrepoArgv(repodata, staged, { compressType: 'gz' }));
    await copyFile(certificate, path.join(repodata, 'productid'));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
