// The public surface of @refract/shared. Test helpers live in the separate entry
// `@refract/shared/testing` so that production code never loads them.
export { defineConfig, loadConfig } from './config/config.loader.js';
export type { ConfigDefinition, ConfigOf, ConfigShape, EnvSource, InferConfig } from './config/config.loader.js';
export { field } from './config/env.fields.js';
export { SECRET_MASK, isSecret, secret } from './config/secret.marker.js';

export { ConfigError } from './errors/config.error.js';
export type { ConfigIssue } from './errors/config.error.js';
export { RefractError, assertNever } from './errors/refract.error.js';
export type { RefractErrorJSON } from './errors/refract.error.js';

export { LOG_LEVELS, createLogger } from './logging/logger.factory.js';
export type { LogLevel, Logger, LoggerOptions } from './logging/logger.factory.js';
export { REDACTED, SECRET_KEY, maskUrlPasswords, redactSecrets } from './logging/secret.redactor.js';
export { prettyStream } from './logging/pretty.stream.js';
export { signHs256, verifyHs256, type JwtFailure, type JwtPayload, type JwtVerification } from './crypto/jwt-hs256.js';
export { SecretBox } from './crypto/secret-box.js';
