export { runCli } from './command.js';
export { runInit } from './init/run-init.js';
export type { InitOptions, InitResult } from './init/run-init.js';
export { runValidateConfig, runDumpConfig } from './config-commands.js';
