import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config.error.js';
import { RefractError, assertNever } from './refract.error.js';

type DeploymentCode = 'DEPLOYMENT_NOT_FOUND' | 'DEPLOYMENT_LOCKED';

class DeploymentError extends RefractError<DeploymentCode, { deploymentId: string }> {
  constructor(
    readonly code: DeploymentCode,
    message: string,
    options: { details?: { deploymentId: string }; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

describe('RefractError', () => {
  it('carries a stable code, the subclass name, details and a cause', () => {
    const cause = new Error('connection reset');
    const error = new DeploymentError('DEPLOYMENT_LOCKED', 'deployment is locked', {
      details: { deploymentId: 'd1' },
      cause,
    });

    expect(error).toBeInstanceOf(RefractError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DeploymentError');
    expect(error.code).toBe('DEPLOYMENT_LOCKED');
    expect(error.details).toEqual({ deploymentId: 'd1' });
    expect(error.cause).toBe(cause);
    expect(error.stack).toContain('DeploymentError: deployment is locked');
  });

  it('serialises to JSON with the cause chain and without a stack', () => {
    const root = new Error('socket hang up');
    const inner = new DeploymentError('DEPLOYMENT_NOT_FOUND', 'no such deployment', { cause: root });
    const outer = new DeploymentError('DEPLOYMENT_LOCKED', 'locked', { details: { deploymentId: 'd2' }, cause: inner });

    expect(JSON.parse(JSON.stringify(outer))).toEqual({
      name: 'DeploymentError',
      code: 'DEPLOYMENT_LOCKED',
      message: 'locked',
      details: { deploymentId: 'd2' },
      cause: {
        name: 'DeploymentError',
        code: 'DEPLOYMENT_NOT_FOUND',
        message: 'no such deployment',
        cause: { name: 'Error', message: 'socket hang up' },
      },
    });
    expect(JSON.stringify(outer)).not.toContain('at ');
  });

  it('leaves out details and causes that are absent or not errors', () => {
    const bare = new DeploymentError('DEPLOYMENT_NOT_FOUND', 'gone');
    const thrownString = new DeploymentError('DEPLOYMENT_NOT_FOUND', 'gone', { cause: 'a raw string' });

    expect(bare.toJSON()).toEqual({ name: 'DeploymentError', code: 'DEPLOYMENT_NOT_FOUND', message: 'gone' });
    expect(Object.keys(thrownString.toJSON())).not.toContain('cause');
    expect(thrownString.cause).toBe('a raw string');
  });

  it('supports an exhaustive switch over codes', () => {
    const toStatus = (error: DeploymentError): number => {
      switch (error.code) {
        case 'DEPLOYMENT_NOT_FOUND':
          return 404;
        case 'DEPLOYMENT_LOCKED':
          return 409;
        default:
          return assertNever(error.code);
      }
    };

    expect(toStatus(new DeploymentError('DEPLOYMENT_LOCKED', 'x'))).toBe(409);
    expect(() => assertNever('NEW_CODE' as never)).toThrow('Unhandled case: NEW_CODE');
  });
});

describe('ConfigError', () => {
  it('lists every issue in its message and details', () => {
    const error = new ConfigError([
      { variable: 'DATABASE_URL', reason: 'is required' },
      { variable: 'PORT', reason: 'must be an integer between 0 and 65535' },
    ]);

    expect(error).toBeInstanceOf(RefractError);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe(
      'Invalid configuration: 2 variables missing or invalid\n' +
        '  - DATABASE_URL: is required\n' +
        '  - PORT: must be an integer between 0 and 65535',
    );
    expect(error.issues).toHaveLength(2);
    expect(error.toJSON().details).toEqual({ issues: error.issues });
    expect(inspect(error)).toContain('DATABASE_URL: is required');
  });
});
