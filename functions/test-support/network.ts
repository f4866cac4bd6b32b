import net from 'node:net';
import os from 'node:os';
import { readFileSync } from 'node:fs';

/** An address of this machine that is not loopback (IPv4 first), or undefined when it has none. */
export function nonLoopbackAddress(): string | undefined {
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal);
  // IPv6 link-local addresses need a scope id to connect to: skip them.
  const usable = addresses.filter((a) => a.family === 'IPv4' || !a.address.toLowerCase().startsWith('fe80:'));
  return (usable.find((a) => a.family === 'IPv4') ?? usable[0])?.address;
}

/** Whether a TCP connection to host:port is accepted, refused, or gets no answer within `timeoutMs`. */
export function connectOutcome(host: string, port: number, timeoutMs = 3000): Promise<'connected' | 'refused' | 'timeout'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (outcome: 'connected' | 'refused' | 'timeout') => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done('timeout'));
    socket.once('connect', () => done('connected'));
    socket.once('error', () => done('refused'));
  });
}

/**
 * The local addresses the kernel lists as listening on `port` (Linux's /proc/net/tcp and tcp6): what
 * a socket is bound to, read without needing a second network interface to connect from.
 */
export function listeningAddresses(port: number): string[] {
  const found = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hexAddress, hexPort] = (local ?? '').split(':');
      if (state !== '0A' || parseInt(hexPort ?? '', 16) !== port) continue; // 0A: LISTEN
      found.add(kernelAddress(hexAddress!));
    }
  }
  return [...found].sort();
}

/** /proc/net prints an address as 32-bit words in host (little-endian) order. */
function kernelAddress(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  for (let i = 0; i < bytes.length; i += 4) bytes.subarray(i, i + 4).reverse();
  if (bytes.length === 4) return [...bytes].join('.');
  const mappedV4 = bytes.subarray(0, 12).equals(Buffer.from('00000000000000000000ffff', 'hex'));
  if (mappedV4) return [...bytes.subarray(12)].join('.');
  if (bytes.every((b) => b === 0)) return '::';
  if (bytes.subarray(0, 15).every((b) => b === 0) && bytes[15] === 1) return '::1';
  return bytes.toString('hex').replace(/(.{4})(?!$)/g, '$1:');
}
