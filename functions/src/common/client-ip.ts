import { BlockList, isIP } from "node:net";

/**
 * The caller's address from an `X-Forwarded-For` header. Google's front end *appends* the address
 * it saw, so the rightmost entry is the only one nobody else wrote: a direct caller's own address,
 * or for a request through Hosting the CDN node's. Only when that entry is one of `proxies` (our
 * CDN's egress ranges) do we step left to the entry the node appended (its client), and so on up to
 * `trustedHops` entries from the right. Everything further left is the caller's text and is never
 * read, so a forged header can only name the caller itself. Returns null without an entry or when
 * the chosen entry is not an IP address.
 */
export function clientIpFromForwardedFor(
  header: string | string[] | undefined,
  trustedHops: number,
  proxies: BlockList = new BlockList(),
): string | null {
  if (header === undefined || trustedHops < 1) return null;
  // Node joins repeated headers with ", "; an array can still reach us from other frameworks.
  const entries = (Array.isArray(header) ? header.join(",") : header)
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  let index = entries.length - 1;
  for (let hop = 1; hop < trustedHops && index > 0 && isProxy(entries[index]!, proxies); hop++) index--;
  const entry = entries[index];
  return entry !== undefined && isIP(entry) ? entry : null;
}

function isProxy(entry: string, proxies: BlockList): boolean {
  const family = isIP(entry);
  return family !== 0 && proxies.check(entry, family === 6 ? "ipv6" : "ipv4");
}

/** A BlockList of comma-separated CIDR ranges (`151.101.0.0/16, 2a04:4e42::/32`); throws on a bad one. */
export function addressRanges(ranges: string): BlockList {
  const list = new BlockList();
  for (const range of ranges
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "")) {
    const [network = "", prefix = ""] = range.split("/");
    const family = isIP(network);
    if (family === 0 || !/^\d{1,3}$/.test(prefix)) throw new Error(`Not an address range: ${range}`);
    list.addSubnet(network, Number(prefix), family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/**
 * The rate-limit key of an address. One IPv6 subscriber usually holds a whole /64, so counting
 * single IPv6 addresses would let one caller rotate through 2^64 of them.
 */
export function rateLimitKeyOfIp(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  // An IPv4 address written as IPv6 (`::ffff:203.0.113.7`) is that IPv4 caller, not a /64.
  const mappedIpv4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mappedIpv4 !== undefined) return mappedIpv4;
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
}

/** The 16-bit groups of an IPv6 address, `::` expanded (an embedded IPv4 tail counts as two). */
function expandIpv6(ip: string): string[] {
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(head);
  const right = groups(tail);
  const length = (parts: string[]) => parts.reduce((n, part) => n + (part.includes(".") ? 2 : 1), 0);
  const missing = 8 - length(left) - length(right);
  return [...left, ...Array<string>(Math.max(missing, 0)).fill("0"), ...right].map((g) =>
    g.includes(".") ? g : g.padStart(4, "0"),
  );
}
