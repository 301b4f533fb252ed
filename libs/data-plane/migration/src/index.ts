export * from './migration-step.js';
