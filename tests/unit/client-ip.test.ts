import { describe, expect, it } from "vitest";
import {
  addressRanges,
  clientIpFromForwardedFor,
  rateLimitKeyOfIp,
} from "../../functions/src/common/client-ip.js";

const CDN = addressRanges("151.101.0.0/16, 2a04:4e42::/32");

describe("clientIpFromForwardedFor", () => {
  it("takes the entry our one front end appended, ignoring what the caller wrote to its left", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("1.1.1.1,2.2.2.2 ,  203.0.113.7", 1)).toBe("203.0.113.7");
  });
  it("with two trusted hops, steps over the rightmost entry only when it is a CDN node's", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7, 151.101.1.1", 2, CDN)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("6.6.6.6, 2001:db8::7, 2a04:4e42::1", 2, CDN)).toBe("2001:db8::7");
    // A direct call: Google's front end appended the caller, whatever it wrote to the left.
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7", 2, CDN)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("203.0.113.7", 2, CDN)).toBe("203.0.113.7");
    // Without a list of CDN nodes nothing is stepped over.
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7, 151.101.1.1", 2)).toBe("151.101.1.1");
  });
  it("never steps further than the trusted hops, even over CDN addresses", () => {
    expect(clientIpFromForwardedFor("151.101.9.9, 151.101.1.1", 2, CDN)).toBe("151.101.9.9");
    expect(clientIpFromForwardedFor("6.6.6.6, 151.101.9.9, 151.101.1.1", 2, CDN)).toBe("151.101.9.9");
  });
  it("reads a header that arrived as an array of lines", () => {
    expect(clientIpFromForwardedFor(["6.6.6.6", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });
  it("returns null without a header, or for a non-address", () => {
    expect(clientIpFromForwardedFor(undefined, 1)).toBeNull();
    expect(clientIpFromForwardedFor("", 1)).toBeNull();
    expect(clientIpFromForwardedFor("1.1.1.1, not-an-ip", 1)).toBeNull();
    expect(clientIpFromForwardedFor("not-an-ip, 151.101.1.1", 2, CDN)).toBeNull();
    expect(clientIpFromForwardedFor("1.1.1.1", 0)).toBeNull();
  });
  it("accepts IPv6", () => {
    expect(clientIpFromForwardedFor("::1, 2001:db8::1", 1)).toBe("2001:db8::1");
  });
});

describe("addressRanges", () => {
  it("reads comma-separated CIDR ranges and refuses anything else", () => {
    expect(CDN.check("151.101.200.1", "ipv4")).toBe(true);
    expect(CDN.check("151.102.0.1", "ipv4")).toBe(false);
    expect(() => addressRanges("151.101.0.0")).toThrow(/range/);
    expect(() => addressRanges("example.com/16")).toThrow(/range/);
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
