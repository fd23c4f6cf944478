import { isIPv4, isIPv6 } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** Requests whose address cannot be known (no socket: `app.request()` in tests) share one bucket. */
const UNKNOWN_ADDRESS = "unknown";

/**
 * Who sent a request, as rate limits count clients. The connection's address, unless
 * `trustedProxies` reverse proxies stand in front: then the address the outermost one saw, which
 * it appended to X-Forwarded-For (the entries before it are the client's own to write). An IPv6
 * client is its /64 network, since one home or phone is given a whole /64.
 */
export function clientAddress(context: Context, trustedProxies: number): string {
  const forwarded = (context.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const fromProxy = trustedProxies > 0 ? forwarded.at(-trustedProxies) : undefined;
  return networkOf(fromProxy ?? socketAddress(context) ?? UNKNOWN_ADDRESS);
}

function socketAddress(context: Context): string | undefined {
  try {
    return getConnInfo(context).remote.address;
  } catch {
    // Not served by @hono/node-server (a test's app.request()): there is no socket to ask.
    return undefined;
  }
}

function networkOf(address: string): string {
  const bare = address.replace(/%.*$/, "");
  const mappedIpv4 = /^::ffff:([\d.]+)$/i.exec(bare)?.[1];
  if (mappedIpv4 && isIPv4(mappedIpv4)) return mappedIpv4;
  if (!isIPv6(bare)) return bare;
  const [head = "", tail] = bare.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
  const groups = [...headGroups, ...zeros, ...tailGroups].slice(0, 4);
  return `${groups.map((group) => Number.parseInt(group, 16).toString(16)).join(":")}::/64`;
}
