export { parseConfigFile, parseConfigText } from './load-config.js';
export type { ParseOptions } from './load-config.js';
export { DEFAULT_MAX_BYTES as DEFAULT_CONFIG_MAX_BYTES } from './read-source.js';
export type { ConfigValue, ConfigPath, ParsedConfig } from './types.js';
