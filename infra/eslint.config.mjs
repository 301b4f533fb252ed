export { default } from './tooling/eslint.base.mjs';
