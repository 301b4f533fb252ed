export { engineLibrary as default } from '../../../infra/tooling/eslint.base.mjs';
