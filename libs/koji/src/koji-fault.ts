// XML-RPC faults from a Koji hub, named after the exception classes in koji/__init__.py.
import { FailedError } from '@compose/errors';

/** Koji's fault codes (koji.GenericError and subclasses); code 1 is an unexpected server exception. */
export const KOJI_FAULT_NAMES: Readonly<Record<number, string>> = {
  1: 'ServerError',
  1000: 'GenericError',
  1001: 'LockError',
  1002: 'AuthError',
  1003: 'TagError',
  1004: 'ActionNotAllowed',
  1005: 'BuildError',
  1006: 'AuthLockError',
  1007: 'AuthExpired',
  1008: 'SequenceError',
  1009: 'RetryError',
  1010: 'PreBuildError',
  1011: 'PostBuildError',
  1012: 'BuildrootError',
  1013: 'FunctionDeprecated',
  1014: 'ServerOffline',
  1015: 'LiveCDError',
  1016: 'PluginError',
  1017: 'CallbackError',
  1018: 'ApplianceError',
  1019: 'ParameterError',
  1020: 'ImportError',
  1021: 'ConfigurationError',
};

/** The fault a hub returns while it is down for maintenance; worth waiting out like an HTTP 503. */
export const SERVER_OFFLINE_FAULT = 1014;

/** A hub answered with an XML-RPC fault: the call reached Koji and Koji refused it. */
export class KojiFault extends FailedError {
  readonly faultCode: number;
  readonly faultString: string;
  /** Koji's exception class name for the code, e.g. 'GenericError'; 'Fault' for codes Koji does not define. */
  readonly faultName: string;
  readonly method: string;

  constructor(method: string, faultCode: number, faultString: string, hubUrl: string) {
    const faultName = KOJI_FAULT_NAMES[faultCode] ?? 'Fault';
    super('KOJI_FAULT', `Koji hub ${hubUrl} refused ${method}: ${faultName} (${faultCode}): ${faultString}`);
    this.faultCode = faultCode;
    this.faultString = faultString;
    this.faultName = faultName;
    this.method = method;
  }
}

export function isKojiFault(value: unknown): value is KojiFault {
  return value instanceof KojiFault;
}
