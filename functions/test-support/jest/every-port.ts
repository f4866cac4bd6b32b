import { setDefaultPorts } from '../../src/composition';
import { EVERY_PORT } from '../../src/composition/every-port';

// Tests call use cases with the container itself: it holds every port, as the local stack's does
// (a Lambda composes only its handler's, decision 0031). A setup file apart from env.ts, which must
// set the environment before any module that reads it is loaded.
setDefaultPorts(EVERY_PORT);
