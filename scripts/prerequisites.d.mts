// Types of prerequisites.mjs, for the TypeScript that imports it (test-support, tests of the scripts).
export interface Prerequisite {
  package: string;
  command?: string;
  files?: string[];
  why: string;
}
export const PREREQUISITES: Prerequisite[];
export function onPath(command: string, searchPath?: string): boolean;
export function missingPrerequisites(
  list?: Prerequisite[],
  options?: { searchPath?: string; exists?: (file: string) => boolean },
): Prerequisite[];
export function packagesFor(missing: Prerequisite[]): string[];
export function installCommand(packages: string[], options?: { root?: boolean }): string;
export function describeMissing(missing: Prerequisite[]): string[];
