/** The two fflate functions the OFD container uses, loaded through `container.ts`'s `fflate()` on first use (decision 0245). */
export { unzipSync, zipSync } from 'fflate';
