// Types of doctor-checks.mjs, for its jest test.
import type { Prerequisite } from './prerequisites.mjs';
export interface Item {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}
export interface StartPort {
  what: string;
  port: number;
}
export const MIN_FREE_BYTES: number;
export const MIN_JAVA: number;
export function judgeNode(version: string, engines: string | undefined): Item;
export function judgeJava(output: string | null, options?: { root?: boolean }): Item;
export function startPorts(env?: Record<string, string | undefined>): StartPort[];
export function judgePorts(ports: StartPort[], busy: number[]): Item;
export function judgeDisk(freeBytes: number, where: string): Item;
export function judgePackages(missing: Prerequisite[], options?: { root?: boolean }): Item;
export function judgeInstall(installed: boolean): Item;
export function formatReport(items: Item[]): string;
