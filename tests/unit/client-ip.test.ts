import { describe, expect, it } from "vitest";
import { clientIpFromForwardedFor, rateLimitKeyOfIp } from "../../functions/src/common/client-ip.js";

describe("clientIpFromForwardedFor", () => {
  it("takes the entry our one front end appended, ignoring what the caller wrote to its left", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("1.1.1.1,2.2.2.2 ,  203.0.113.7", 1)).toBe("203.0.113.7");
  });
  it("with two trusted hops (through Hosting), skips the proxy's own entry", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7, 151.101.1.1", 2)).toBe("203.0.113.7");
  });
  it("reads a header that arrived as an array of lines", () => {
    expect(clientIpFromForwardedFor(["6.6.6.6", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });
  it("returns null without enough entries, without a header, or for a non-address", () => {
    expect(clientIpFromForwardedFor("203.0.113.7", 2)).toBeNull();
    expect(clientIpFromForwardedFor(undefined, 1)).toBeNull();
    expect(clientIpFromForwardedFor("", 1)).toBeNull();
    expect(clientIpFromForwardedFor("1.1.1.1, not-an-ip", 1)).toBeNull();
    expect(clientIpFromForwardedFor("1.1.1.1", 0)).toBeNull();
  });
  it("accepts IPv6", () => {
    expect(clientIpFromForwardedFor("::1, 2001:db8::1", 1)).toBe("2001:db8::1");
  });
});

describe("rateLimitKeyOfIp", () => {
  it("keeps IPv4 as it is", () => {
    expect(rateLimitKeyOfIp("203.0.113.7")).toBe("203.0.113.7");
  });
  it("reads an IPv4-mapped IPv6 address as its IPv4 caller", () => {
    expect(rateLimitKeyOfIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });
  it("counts a whole IPv6 /64 as one caller", () => {
    expect(rateLimitKeyOfIp("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitKeyOfIp("2001:DB8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitKeyOfIp("2001:db8::1")).toBe("2001:0db8:0000:0000::/64");
  });
});
