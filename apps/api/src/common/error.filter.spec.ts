import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Logger, type ArgumentsHost } from '@nestjs/common';
import { DriverException } from '@mikro-orm/core';
import { ErrorFilter, toErrorResponse } from './error.filter.js';

/** What PostgreSQL and `pg` throw when the database is away or too slow, as MikroORM hands it on. */
const driverError = (message: string, code?: string) => new DriverException(Object.assign(new Error(message), code ? { code } : {}));

describe('backing services away or too slow are a 503, never a 500', () => {
  it.each([
    ['the server refuses connections', driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['the server shut down under a query', driverError('terminating connection due to administrator command', '57P01')],
    ['the server is starting up', driverError('the database system is starting up', '57P03')],
    ['too many connections', driverError('sorry, too many clients already', '53300')],
    ['a statement ran past statement_timeout', driverError('canceling statement due to statement timeout', '57014')],
    ['a connection exception', driverError('connection failure', '08006')],
    ['no pooled connection within the connect timeout', driverError('timeout exceeded when trying to connect')],
    ['no new connection within the connect timeout', driverError('Connection terminated due to connection timeout')],
    ['no answer within the query timeout', driverError('Query read timeout')],
    ['the connection dropped mid-query', driverError('Connection terminated unexpectedly')],
  ])('%s', (_name, error) => {
    expect(toErrorResponse(error)).toEqual({
      status: 503,
      body: { error: { code: 'unavailable', message: 'a backing service is unavailable; try again shortly' } },
    });
  });

  it('anything else unexpected stays a 500 that says nothing more', () => {
    expect(toErrorResponse(driverError('column "nope" does not exist', '42703')).status).toBe(500);
    expect(toErrorResponse(new TypeError('x is undefined'))).toEqual({
      status: 500,
      body: { error: { code: 'internal', message: 'an unexpected error occurred' } },
    });
  });
});

describe('what the filter logs', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const answer = (error: unknown) => {
    const response = { status: () => response, json: () => response, setHeader: () => undefined };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
    new ErrorFilter().catch(error, host);
  };

  it('a 503 is one warning line naming the cause; a 500 is an error with its stack', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    answer(driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'));
    expect(warn).toHaveBeenCalledWith('answered 503: connect ECONNREFUSED 127.0.0.1:5432');
    expect(error).not.toHaveBeenCalled();

    const bug = new TypeError('x is undefined');
    answer(bug);
    expect(error).toHaveBeenCalledWith(bug.stack);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
