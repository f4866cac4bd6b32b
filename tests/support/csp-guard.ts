import { cspViolations } from './browser';

// The apps run under the CSP the server sends (decision 0072): a step that made the browser block
// anything fails here, with what was blocked.
afterEach(() => {
  const seen = cspViolations.splice(0);
  if (seen.length > 0) throw new Error(`Content-Security-Policy violations:\n${seen.join('\n')}`);
});
