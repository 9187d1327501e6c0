import { errorFields, type Logger } from './logger';

/**
 * How the process reacts to an error nothing else caught (no request can cause one: the HTTP
 * front door and the turn handler classify every error they see).
 *
 * - A rejected promise nobody awaited: logged, and the bot keeps serving. It is a missing `catch`
 *   somewhere, not corrupted state; Node's default would end the process.
 * - An exception thrown outside any promise: logged, then the process exits with code 1. After
 *   that, state may be inconsistent; the platform supervisor (App Service, or you) starts it again,
 *   and every piece of state lives in Table Storage, so nothing is lost.
 */
export function installProcessGuards(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('unhandledRejection', (reason) => {
    logger.error('process.unhandled_rejection', errorFields(reason));
  });
  process.on('uncaughtException', (error) => {
    logger.error('process.uncaught_exception', { ...errorFields(error), detail: 'exiting; the supervisor restarts the bot' });
    exit(1);
  });
}
