export { default } from '../../infra/tooling/eslint.base.mjs';
