import { isIP } from "node:net";

/**
 * The caller's address from an `X-Forwarded-For` header. Our front ends *append* the address they
 * saw, so only the rightmost `trustedHops` entries are theirs; anything further left was written by
 * the caller and can be forged. The client is the entry our outermost front end wrote:
 * `trustedHops` from the right. Returns null when there are fewer entries than trusted hops (the
 * request did not come through our front ends) or that entry is not an IP address.
 */
export function clientIpFromForwardedFor(
  header: string | string[] | undefined,
  trustedHops: number,
): string | null {
  if (header === undefined || trustedHops < 1) return null;
  // Node joins repeated headers with ", "; an array can still reach us from other frameworks.
  const entries = (Array.isArray(header) ? header.join(",") : header)
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const entry = entries[entries.length - trustedHops];
  return entry !== undefined && isIP(entry) ? entry : null;
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
