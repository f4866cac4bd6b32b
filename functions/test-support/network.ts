import net from 'node:net';
import os from 'node:os';

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
