export { runTool, requireTools, isToolAvailable, formatCommand } from './run-tool.js';
export type { RunOptions, RunResult } from './run-tool.js';
export { DEBIAN_PACKAGE_OF, describeMissingTool } from './tool-packages.js';
export { streamTool } from './stream-tool.js';
export type { StreamingProcess } from './stream-tool.js';
