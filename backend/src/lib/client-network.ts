import { createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { env } from '../config/env.ts';

/** A key of its own, derived from AUTH_SECRET, so these hashes say nothing about other uses of the secret. */
const key = createHmac('sha256', env.AUTH_SECRET).update('client-network/v1').digest();

/**
 * A keyed hash naming the network a request came from: the IPv4 address, or the /64 prefix of an IPv6 one
 * (one household's devices share it and a single host can rotate through it). The address itself is never
 * stored; without AUTH_SECRET the hash cannot be turned back into an address.
 */
export function clientNetworkOf(ip: string | undefined): string {
  const address = (ip ?? 'unknown').replace(/^::ffff:/, '');
  const network = isIPv6(address) ? ipv6Prefix64(address) : address;
  return createHmac('sha256', key).update(network).digest('base64url').slice(0, 22);
}

function ipv6Prefix64(address: string): string {
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().padStart(4, '0'))
    .join(':');
}
