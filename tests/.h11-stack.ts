import { startJourneyStack } from './support/stack';
import { journeyPorts } from './e2e/mini/support/people';
(async () => {
  process.env.NODE_ENV ??= 'test';
  const stack = await startJourneyStack(journeyPorts(900));
  console.log('READY', stack.url);
  process.on('SIGTERM', async () => { await stack.cleanup(); process.exit(0); });
})();
