import { describe, expect, it } from "vitest";
import {
  addressPrefix,
  clientAddress,
  clientKey,
  createClientKeyer,
  normaliseAddress,
  parseTrustProxy,
  proxyTrust,
} from "../../app/utils/client-address.server";
import { parseEnv } from "../../app/utils/env.server";

const production = proxyTrust({ trustProxy: undefined, production: true });
const development = proxyTrust({ trustProxy: undefined, production: false });
const oneHop = proxyTrust({ trustProxy: { hops: 1 }, production: true });
const privateProxies = proxyTrust({ trustProxy: { ranges: ["10.0.0.0/8", "fd00::/8"] }, production: true });

describe("TRUST_PROXY", () => {
  it("reads a hop count or a CIDR list, bare addresses included, and refuses anything else by name", () => {
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toEqual({ hops: 2 });
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.5 ,fd00::/8" }).TRUST_PROXY).toEqual({
      ranges: ["10.0.0.0/8", "192.168.1.5", "fd00::/8"],
    });
    expect(parseEnv({}).TRUST_PROXY).toBeUndefined();
    for (const bad of ["true", "loopback", "10.0.0.0/33", "10.0.0/8", "1,2", "::1/129", "10.0.0.0/8/8"]) {
      expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY must be a hop count/);
    }
    expect(parseTrustProxy("0")).toEqual({ hops: 0 });
  });
});

describe("clientAddress", () => {
  it("in production without TRUST_PROXY believes no header, not even from loopback", () => {
    expect(clientAddress({ peer: "127.0.0.1", forwardedFor: "203.0.113.9", trust: production })).toBe("127.0.0.1");
    expect(clientAddress({ peer: "10.1.2.3", forwardedFor: "203.0.113.9", trust: production })).toBe("10.1.2.3");
  });

  it("outside production without TRUST_PROXY believes loopback only (the dev proxy, the browser tests)", () => {
    expect(clientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "203.0.113.9", trust: development })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.1.2.3", forwardedFor: "203.0.113.9", trust: development })).toBe("10.1.2.3");
  });

  it("with a hop count takes the address the last trusted hop saw, whatever the client wrote before it", () => {
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "1.1.1.1, 203.0.113.9", trust: oneHop })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: ["1.1.1.1", "203.0.113.9"], trust: oneHop })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: undefined, trust: oneHop })).toBe("10.0.0.2");
  });

  it("with a CIDR list walks back through our proxies only", () => {
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.1, 203.0.113.9, 10.0.0.7", trust: privateProxies })).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ peer: "192.0.2.50", forwardedFor: "203.0.113.9", trust: privateProxies })).toBe("192.0.2.50");
  });

  it("ignores a forwarded value that is not an address and keeps the hop that sent it", () => {
    for (const junk of ["not-an-ip", "203.0.113.9; drop", "", "unknown", "999.1.1.1", "<script>"]) {
      expect(clientAddress({ peer: "127.0.0.1", forwardedFor: junk, trust: development }), junk).toBe("127.0.0.1");
    }
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.9, garbage", trust: privateProxies })).toBe("10.0.0.2");
  });

  it("reads ports, brackets, zones and IPv4-mapped IPv6 as the bare address", () => {
    const bare: [written: string, address: string | null][] = [
      ["203.0.113.9:4711", "203.0.113.9"],
      ["[2001:DB8::1]:443", "2001:db8::1"],
      ["fe80::1%eth0", "fe80::1"],
      ["::ffff:192.0.2.1", "192.0.2.1"],
      ["2001:db8::1:80", "2001:db8::1:80"],
      ["example.org", null],
    ];
    for (const [written, address] of bare) expect(normaliseAddress(written), written).toBe(address);
  });
});

describe("client keys", () => {
  it("key IPv6 by its /64 and IPv4 whole", () => {
    const prefixes: [address: string, prefix: string][] = [
      ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
      ["2001:db8::1", "2001:db8:0:0::/64"],
      ["::1", "0:0:0:0::/64"],
      ["64:ff9b::192.0.2.1", "64:ff9b:0:0::/64"],
      ["192.0.2.1", "192.0.2.1"],
    ];
    for (const [address, prefix] of prefixes) expect(addressPrefix(address), address).toBe(prefix);
    const key = (address: string) => clientKey({ address, secret: "s" });
    expect(key("2001:db8:1:2::1")).toBe(key("2001:db8:1:2:ffff:ffff:ffff:fffe"));
    expect(key("2001:db8:1:2::1")).not.toBe(key("2001:db8:1:3::1"));
    expect(key("192.0.2.1")).not.toBe(key("192.0.2.2"));
  });

  it("never contain the address, and change with the secret", () => {
    const keyer = createClientKeyer({ trustProxy: { hops: 1 }, production: true, secret: "one" });
    const key = keyer.keyOf({ peer: "10.0.0.2", forwardedFor: "203.0.113.9" });
    expect(key).not.toContain("203");
    expect(key).toMatch(/^[\w-]{22}$/);
    expect(
      createClientKeyer({ trustProxy: { hops: 1 }, production: true, secret: "two" }).keyOf({
        peer: "10.0.0.2",
        forwardedFor: "203.0.113.9",
      }),
    ).not.toBe(key);
  });
});
