// The SSRF guard (lib/net/safeFetch.ts) and the page fetcher that uses it: which addresses are
// refused, the allow-list, and that every redirect hop is checked, against a real server on
// 127.0.0.1. Nothing here reaches another machine: every refused target is refused before a
// connection is made.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FetchError, fetchResource } from "../../ingest/sources/url";
import { getEnv } from "../../lib/env";
import { isAllowedHost, parseAllowHosts } from "../../lib/net/allowHosts";
import { BlockedTargetError, blockedAddressReason, safeFetch } from "../../lib/net/safeFetch";
import { type FixtureServer, startFixtureServer } from "../helpers/fixture-server";

describe("blockedAddressReason", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.10", "reserved"],
    ["2001:db8::1", "reserved"],
    ["fec0::1", "site-local"],
    // IPv4 hidden in IPv6: judged by the IPv4 address, or refused outright.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::a00:1", "NAT64"],
    ["2002:7f00:1::", "6to4"],
    ["2001::1", "Teredo"],
  ])("%s is refused (%s)", (address, reason) => {
    expect(blockedAddressReason(address)).toContain(reason);
  });

  it.each(["8.8.8.8", "1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4001:80e::200e", "::ffff:8.8.8.8"])("%s is public", (address) => {
    expect(blockedAddressReason(address)).toBeNull();
  });
});

describe("HYPELINE_FETCH_ALLOW_HOSTS", () => {
  it("reads hosts with and without ports, IPv6 in brackets", () => {
    expect(parseAllowHosts(" 127.0.0.1:4000, Intranet.Example ,[::1]:8080")).toEqual([
      { host: "127.0.0.1", port: 4000 },
      { host: "intranet.example", port: null },
      { host: "[::1]", port: 8080 },
    ]);
    expect(parseAllowHosts("")).toEqual([]);
  });

  it.each(["http://127.0.0.1", "127.0.0.1:99999", "a b", "host:", "::1"])("refuses %j with a message that shows what to write", (value) => {
    expect(() => parseAllowHosts(value)).toThrow(/is not a host or host:port \(write e\.g\. 127\.0\.0\.1:4000/);
  });

  it("is validated with the rest of the environment", () => {
    const saved = process.env.HYPELINE_FETCH_ALLOW_HOSTS;
    process.env.HYPELINE_FETCH_ALLOW_HOSTS = "http://intranet";
    try {
      expect(() => getEnv()).toThrow(/HYPELINE_FETCH_ALLOW_HOSTS: "http:\/\/intranet" is not a host/);
    } finally {
      if (saved === undefined) delete process.env.HYPELINE_FETCH_ALLOW_HOSTS;
      else process.env.HYPELINE_FETCH_ALLOW_HOSTS = saved;
    }
  });

  it("matches the URL's host, and its port when the entry names one", () => {
    const allowed = parseAllowHosts("127.0.0.1:4000,intranet.example,[::1]");
    expect(isAllowedHost(new URL("http://127.0.0.1:4000/x"), allowed)).toBe(true);
    expect(isAllowedHost(new URL("http://127.0.0.1:4001/x"), allowed)).toBe(false);
    expect(isAllowedHost(new URL("https://INTRANET.example/feed"), allowed)).toBe(true);
    expect(isAllowedHost(new URL("http://[::1]:9/"), allowed)).toBe(true);
    expect(isAllowedHost(new URL("http://localhost:4000/"), allowed)).toBe(false);
  });
});

describe("safeFetch and the page fetcher", () => {
  let web: FixtureServer;
  let host = "";
  const fast = { timeoutMs: 2000, maxBytes: 64 * 1024, maxRedirects: 5 };
  const saved = process.env.HYPELINE_FETCH_ALLOW_HOSTS;

  beforeAll(async () => {
    web = await startFixtureServer();
    host = new URL(web.base).host;
    const port = new URL(web.base).port;
    web.set("/page", { body: "<p>reachable</p>" });
    web.set("/to-localhost", { status: 302, headers: { location: `http://localhost:${port}/page` } });
    web.set("/to-metadata", { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    web.set("/to-mapped", { status: 307, headers: { location: `http://[::ffff:127.0.0.1]:${port}/page` } });
    web.set("/to-private", { status: 301, headers: { location: "http://10.0.0.1/admin" } });
    web.set("/to-file", { status: 302, headers: { location: "file:///etc/passwd" } });
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.HYPELINE_FETCH_ALLOW_HOSTS;
    else process.env.HYPELINE_FETCH_ALLOW_HOSTS = saved;
  });
  afterAll(() => web.close());

  it("refuses a loopback address by default, before any request reaches it", async () => {
    delete process.env.HYPELINE_FETCH_ALLOW_HOSTS;
    await expect(fetchResource(web.url("/page"), fast)).rejects.toThrow(
      new FetchError(`refused to fetch from 127.0.0.1: it is a loopback address, which the server does not fetch from (set HYPELINE_FETCH_ALLOW_HOSTS=${host} on the server to allow it)`),
    );
    expect(web.hits("/page")).toBe(0);
  });

  it("checks a host name after resolving it, in the connection's own lookup", async () => {
    delete process.env.HYPELINE_FETCH_ALLOW_HOSTS;
    const error = await safeFetch(new URL(`http://localhost:${new URL(web.base).port}/page`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedTargetError);
    expect((error as Error).message).toMatch(/^refused to fetch from localhost \((127\.0\.0\.1|::1)\): localhost resolves to a loopback address/);
    expect(web.hits("/page")).toBe(0);
  });

  it.each([
    ["http://[::1]:9/", /refused to fetch from \[::1\]: it is a loopback address/],
    ["http://[::ffff:127.0.0.1]:9/", /refused to fetch from \[::ffff:7f00:1\]: it is a loopback address/],
    ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254: it is a link-local address/],
    ["http://0.0.0.0:9/", /it is an unspecified address/],
    ["http://192.168.0.1/", /it is a private-network address/],
    ["http://[fd00::1]/", /it is a unique-local \(private\) IPv6 address/],
    ["http://100.100.100.200/", /it is a carrier-grade NAT address/],
    // Integer and hex forms of 127.0.0.1: the URL parser normalises them, the check sees 127.0.0.1.
    ["http://2130706433:9/", /refused to fetch from 127\.0\.0\.1: it is a loopback address/],
    ["http://0x7f.1:9/", /refused to fetch from 127\.0\.0\.1: it is a loopback address/],
  ])("refuses %s", async (url, message) => {
    delete process.env.HYPELINE_FETCH_ALLOW_HOSTS;
    await expect(fetchResource(url, fast)).rejects.toThrow(message);
  });

  it("fetches an allowed host:port", async () => {
    process.env.HYPELINE_FETCH_ALLOW_HOSTS = host;
    const resource = await fetchResource(web.url("/page"), fast);
    expect(Buffer.from(resource.body).toString()).toBe("<p>reachable</p>");
  });

  it("allows only the port named: the same host on another port stays refused", async () => {
    process.env.HYPELINE_FETCH_ALLOW_HOSTS = "127.0.0.1:1";
    await expect(fetchResource(web.url("/page"), fast)).rejects.toThrow(/it is a loopback address/);
  });

  it.each([
    ["/to-localhost", /refused to fetch from localhost \(.+\): localhost resolves to a loopback address/],
    ["/to-metadata", /refused to fetch from 169\.254\.169\.254: it is a link-local address/],
    ["/to-mapped", /it is a loopback address/],
    ["/to-private", /refused to fetch from 10\.0\.0\.1: it is a private-network address/],
    ["/to-file", /unsupported URL scheme "file:"/],
  ])("checks every redirect hop: an allowed page redirecting %s is refused", async (route, message) => {
    process.env.HYPELINE_FETCH_ALLOW_HOSTS = host;
    const before = web.hits("/page");
    await expect(fetchResource(web.url(route), fast)).rejects.toThrow(message);
    expect(web.hits(route)).toBeGreaterThan(0);
    expect(web.hits("/page")).toBe(before);
  });
});
