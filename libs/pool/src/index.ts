export { runPool } from './run-pool.js';
