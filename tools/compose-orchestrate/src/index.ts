export { runCli } from './command.js';
export { runInit } from './init/run-init.js';
export type { InitOptions, InitResult } from './init/run-init.js';
export { runValidateConfig, runDumpConfig } from './config-commands.js';
export { runCompose } from './compose/run-compose.js';
export type { ComposeOptions, ComposeResult } from './compose/run-compose.js';
export { COMPOSE_STEPS, UNIMPLEMENTED_PHASES, listKnownPhases } from './compose/phase-plan.js';
export { planCompose } from './compose/plan-compose.js';
