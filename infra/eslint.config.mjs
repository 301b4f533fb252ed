export { tooling as default } from './tooling/eslint.base.mjs';
