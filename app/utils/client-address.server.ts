import { createHmac } from "node:crypto";
import { BlockList, isIP } from "node:net";

/** TRUST_PROXY parsed: how many proxies stand in front of us, or which addresses are our proxies. */
export type TrustProxy = { hops: number } | { ranges: string[] };

const LOOPBACK: TrustProxy = { ranges: ["127.0.0.0/8", "::1/128"] };

/** An address as Node and proxies write it, reduced to the bare IP: no brackets, port, zone or IPv4-mapped prefix; null when it is not one. */
export function normaliseAddress(raw: string): string | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%[\w.-]+$/, "").toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(text);
  if (mapped) text = mapped[1]!;
  return isIP(text) ? text : null;
}

function addRange(list: BlockList, entry: string): boolean {
  const [base = "", bits, extra] = entry.split("/");
  const address = normaliseAddress(base);
  if (!address || extra !== undefined) return false;
  const family = isIP(address) === 4 ? "ipv4" : "ipv6";
  const max = family === "ipv4" ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return false;
  list.addSubnet(address, prefix, family);
  return true;
}

/** TRUST_PROXY as written: a hop count ("1") or a comma-separated CIDR list (a bare address is one host); null when unreadable. */
export function parseTrustProxy(value: string): TrustProxy | null {
  const text = value.trim();
  if (/^\d{1,2}$/.test(text)) return { hops: Number(text) };
  const ranges = text.split(",").map((entry) => entry.trim());
  const probe = new BlockList();
  return ranges.every((entry) => addRange(probe, entry)) ? { ranges } : null;
}

/** Whether the hop-th proxy from us (0: the peer), at `address`, may tell us who is behind it. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/** The trust rule: TRUST_PROXY when set; unset trusts no forwarded header, except from loopback outside production. */
export function proxyTrust({ trustProxy, production }: { trustProxy: TrustProxy | undefined; production: boolean }): ProxyTrust {
  const rule = trustProxy ?? (production ? { hops: 0 } : LOOPBACK);
  if ("hops" in rule) return (_address, hop) => hop < rule.hops;
  const list = new BlockList();
  for (const entry of rule.ranges) addRange(list, entry);
  return (address) => {
    const ip = normaliseAddress(address);
    return ip !== null && list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
  };
}

/**
 * The client's address: starting from the peer, each trusted hop hands over to the address it put last in
 * X-Forwarded-For. Something there that is not an address ends the walk at the hop that sent it, so a
 * forged or garbled header never becomes a key of its own.
 */
export function clientAddress({
  peer,
  forwardedFor,
  trust,
}: {
  peer: string | undefined;
  forwardedFor: string | string[] | undefined;
  trust: ProxyTrust;
}): string {
  let current = normaliseAddress(peer ?? "") ?? "0.0.0.0";
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = header
    .split(",")
    .filter((entry) => entry.trim() !== "")
    .reverse();
  for (const [hop, entry] of chain.entries()) {
    if (!trust(current, hop)) break;
    const next = normaliseAddress(entry);
    if (!next) break;
    current = next;
  }
  return current;
}

function ipv6Groups(address: string): number[] {
  const [head = "", tail] = address.split("::");
  const parse = (part: string) => {
    if (!part) return [];
    const words = part.split(":");
    const last = words.at(-1)!;
    if (!last.includes(".")) return words.map((word) => parseInt(word, 16));
    const bytes = last.split(".").map(Number);
    return [...words.slice(0, -1).map((word) => parseInt(word, 16)), bytes[0]! * 256 + bytes[1]!, bytes[2]! * 256 + bytes[3]!];
  };
  const start = parse(head);
  const end = tail === undefined ? [] : parse(tail);
  return [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
}

/** What names one client for limits: an IPv4 address whole, an IPv6 address by its /64 (one household or host rotates inside it). */
export function addressPrefix(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

/**
 * THE client identity every rate limit and one-per-address rule uses (loaders and actions get it as
 * `context.clientKey`): a keyed hash of the client's address, IPv6 by its /64. The address itself is never kept.
 */
export function clientKey({ address, secret }: { address: string; secret: string }): string {
  return createHmac("sha256", secret).update(addressPrefix(address)).digest("base64url").slice(0, 22);
}

export interface ClientKeyer {
  /** Express's `trust proxy` rule, so X-Forwarded-Proto is believed from the same hops. */
  trust: ProxyTrust;
  /** context.clientKey for a request, from its socket peer and X-Forwarded-For. */
  keyOf: (request: { peer: string | undefined; forwardedFor: string | string[] | undefined }) => string;
}

/** The client-key rule of this process (TRUST_PROXY, NODE_ENV, the secret), built once at start-up. */
export function createClientKeyer({
  trustProxy,
  production,
  secret,
}: {
  trustProxy: TrustProxy | undefined;
  production: boolean;
  secret: string;
}): ClientKeyer {
  const trust = proxyTrust({ trustProxy, production });
  return { trust, keyOf: ({ peer, forwardedFor }) => clientKey({ address: clientAddress({ peer, forwardedFor, trust }), secret }) };
}
