export { encodeValue, encodeMethodCall, formatIsoDateTime } from './xmlrpc-encode.js';
export type { XmlRpcValue } from './xmlrpc-encode.js';
export { decodeValue, decodeMethodResponse, decodeMethodCall, parseIsoDateTime } from './xmlrpc-decode.js';
export type { XmlRpcResponse, XmlRpcCall } from './xmlrpc-decode.js';
export { KojiFault, isKojiFault, KOJI_FAULT_NAMES, SERVER_OFFLINE_FAULT } from './koji-fault.js';
export { createKojiSession, kojiKwargs } from './koji-session.js';
export type { KojiSession, KojiSessionOptions, KojiCall, KojiArg, MultiCallResult } from './koji-session.js';
export {
  getLastEvent,
  getEvent,
  getTag,
  getFullInheritance,
  listTaggedRPMS,
  getBuild,
  listRPMs,
  queryRPMSigs,
  unknownTagError,
} from './koji-api.js';
export type { ListTaggedOptions } from './koji-api.js';
export type {
  KojiEvent,
  KojiTag,
  KojiInheritanceEntry,
  KojiRpm,
  KojiBuild,
  KojiTaggedBuild,
  KojiRpmSignature,
} from './koji-types.js';
export {
  formatKojiBuildDir,
  formatKojiRpmRelPath,
  formatKojiSignedRpmPath,
  formatKojiUnsignedRpmPath,
} from './koji-paths.js';
export type { BuildPathInfo, RpmPathInfo } from './koji-paths.js';
export { resolveKojiPackageSet, checkSignedCopies } from './resolve-package-set.js';
export type { KojiPackageSetOptions, KojiPackageSet, KojiPackage, MissingSignedCopy } from './resolve-package-set.js';
export { readSigkeyOrder, pickSigkey } from './pick-signatures.js';
export type { SigkeyOrder } from './pick-signatures.js';
