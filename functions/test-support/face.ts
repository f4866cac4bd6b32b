/** The simulated face verifier, for tests that check its refusals directly. */
export { SimulatedFaceVerifier } from '../src/adapters/face/simulated-face-verifier';
