import { describe, expect, it } from 'vitest';
import { internalMessage } from '../http/graphql-request.js';
import { errorCodesOf } from './error-codes.reader.js';

describe('errorCodesOf', () => {
  it('reads nothing from a body without errors, without parsing it', () => {
    expect(errorCodesOf('{"data":{"users":[]}}')).toEqual([]);
    expect(errorCodesOf('"type User { id: ID! @id }"')).toEqual([]);
    expect(errorCodesOf('not json, "errors": [')).toEqual([]);
  });

  it('labels Prisma codes, internal errors, request errors and validation errors', () => {
    const body = {
      data: null,
      errors: [
        { message: 'No Node for the model User', code: 3039, requestId: 'local:1' },
        { message: internalMessage('local:1'), requestId: 'local:1' },
        { message: 'The field cannot be combined with introspection in one operation.', requestId: 'local:1' },
        { message: 'Cannot query field "zzz" on type "Query".', locations: [{ line: 1, column: 3 }] },
      ],
    };
    expect(errorCodesOf(JSON.stringify(body))).toEqual(['3039', 'internal', 'request', 'validation']);
  });

  it('reads every result of a batch, and only the top-level errors of each', () => {
    const batch = `[{"data":{"errors":[{"code":1}]}},{"errors":[{"message":"x","code":3015,"requestId":"r"}]},{"data":{"a":1},"errors":[{"message":"y"}]}]`;
    expect(errorCodesOf(batch)).toEqual(['3015', 'validation']);
  });
});
