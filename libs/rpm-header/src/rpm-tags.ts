/**
 * Tag numbers and entry types of the RPM header format (rpm's lib/rpmtag.h). Only the tags this
 * library reads are listed; the signature header reuses the RPMTAG_* numbers for 267 and up and
 * keeps its own legacy numbers (1000-1008) for the pre-4.0 signature tags.
 */
export const HEADER_TYPE = {
  NULL: 0,
  CHAR: 1,
  INT8: 2,
  INT16: 3,
  INT32: 4,
  INT64: 5,
  STRING: 6,
  BIN: 7,
  STRING_ARRAY: 8,
  I18NSTRING: 9,
} as const;

export const TAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  SUMMARY: 1004,
  BUILDTIME: 1006,
  SIZE: 1009,
  ARCH: 1022,
  SOURCERPM: 1044,
  PROVIDENAME: 1047,
  REQUIRENAME: 1049,
  NOSOURCE: 1051,
  NOPATCH: 1052,
  EXCLUDEARCH: 1059,
  EXCLUSIVEARCH: 1061,
  LONGSIZE: 5009,
  PAYLOADDIGEST: 5092,
  PAYLOADDIGESTALGO: 5093,
} as const;

/** Signature-header tags that hold an OpenPGP signature packet, in the order we prefer them. */
export const SIGNATURE_TAG = {
  /** Header-only signatures: RSA goes to RSAHEADER, every other algorithm (DSA, EdDSA, ECDSA) to DSAHEADER. */
  RSAHEADER: 268,
  DSAHEADER: 267,
  /** rpm 6: string array of base64 packets, one per signature, so a package may carry several. */
  OPENPGP: 278,
  /** Legacy header+payload signatures (rpm < 4.16 wrote these next to the header-only ones). */
  PGP: 1002,
  GPG: 1005,
} as const;

/** Size of main header plus payload, as recorded in the signature header. */
export const SIGNATURE_SIZE_TAG = {
  SIZE: 1000,
  LONGSIZE: 270,
} as const;

export const SIGNATURE_TAG_NAMES: Record<number, string> = {
  268: 'RSAHEADER',
  267: 'DSAHEADER',
  278: 'OPENPGP',
  1002: 'SIGPGP',
  1005: 'SIGGPG',
};

/** OpenPGP hash algorithm IDs (RFC 9580 section 9.5) as createrepo and dnf name them. */
export const PGP_HASH_ALGORITHMS: Record<number, string> = {
  1: 'md5',
  2: 'sha1',
  3: 'ripemd160',
  8: 'sha256',
  9: 'sha384',
  10: 'sha512',
  11: 'sha224',
  12: 'sha3-256',
  14: 'sha3-512',
};
