export { createLogger } from './logger.js';
export type { Logger, LoggerOptions, Level } from './logger.js';
export { printJson } from './json-output.js';
