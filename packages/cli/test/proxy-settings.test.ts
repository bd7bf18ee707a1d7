// Which requests go through which proxy. The cases of "no proxy" follow the behaviour documented
// for Go's golang.org/x/net/http/httpproxy (what Docker and BuildKit use): `foo.com` is the
// domain and its subdomains, `.y.com` and `*.y.com` the subdomains only, IPs and CIDR blocks,
// optional ports, `*` for all, loopback never proxied. The real tunnel is in e2e/lock-proxy.
import { describe, expect, it } from 'vitest';
import { isUsageError } from '../src/errors/usage-error.js';
import { proxyFor, proxySettings } from '../src/registry/proxy-settings.js';

const via = (env: Record<string, string>, url: string) => proxyFor(proxySettings(env), new URL(url))?.shown;

describe('proxySettings and proxyFor', () => {
  const NO_PROXY = 'foobar.com, .barbaz.net, *.wildcard.io, 192.168.1.1, 192.168.1.2:81, 10.0.0.0/30, 2001:db8::52:0:1, [2001:db8::52:0:2]:443, 2002:db8:a::45/64, bar.baz.com:8080';
  const env = { HTTP_PROXY: 'http://proxy.corp:3128', HTTPS_PROXY: 'http://proxy.corp:3129', NO_PROXY };
  it.each([
    ['http://localhost/', false],
    ['http://localhost:5000/', false],
    ['http://127.0.0.1/', false],
    ['http://127.0.0.2/', false],
    ['http://[::1]:5000/', false],
    ['http://[::2]/', true],
    ['http://barbaz.net/', true],
    ['http://www.barbaz.net/', false],
    ['http://foobar.com/', false],
    ['http://www.foobar.com/', false],
    ['http://foofoobar.com/', true],
    ['http://baz.com/', true],
    ['http://wildcard.io/', true],
    ['http://nested.wildcard.io/', false],
    ['http://192.168.1.1/', false],
    ['http://192.168.1.2:81/', false],
    ['http://192.168.1.2/', true],
    ['http://10.0.0.2/', false],
    ['http://10.0.0.4/', true],
    ['http://[2001:db8::52:0:1]/', false],
    ['https://[2001:db8::52:0:2]/', false],
    ['http://[2001:db8::52:0:2]/', true],
    ['http://[2002:db8:a::123]/', false],
    ['http://[2002:db8:b::1]/', true],
    ['http://bar.baz.com:8080/', false],
    ['http://bar.baz.com/', true],
    ['http://FooBar.COM./', false],
  ])('%s through the proxy: %s', (url, proxied) => {
    expect(via(env, url) !== undefined).toBe(proxied);
  });

  it('HTTPS requests use HTTPS_PROXY, else HTTP_PROXY; plain HTTP only HTTP_PROXY', () => {
    expect(via(env, 'https://ghcr.io/v2/')).toBe('http://proxy.corp:3129');
    expect(via(env, 'http://registry.internal:5000/v2/')).toBe('http://proxy.corp:3128');
    expect(via({ HTTP_PROXY: 'proxy.corp:3128' }, 'https://ghcr.io/')).toBe('http://proxy.corp:3128');
    expect(via({ HTTPS_PROXY: 'proxy.corp:3129' }, 'http://registry.internal/')).toBeUndefined();
  });

  it('reads the lowercase forms, the uppercase one first, and treats empty as unset', () => {
    expect(via({ https_proxy: 'http://low:1' }, 'https://ghcr.io/')).toBe('http://low:1');
    expect(via({ HTTPS_PROXY: 'http://up:1', https_proxy: 'http://low:1' }, 'https://ghcr.io/')).toBe('http://up:1');
    expect(via({ HTTPS_PROXY: '', https_proxy: 'http://low:1' }, 'https://ghcr.io/')).toBe('http://low:1');
    expect(via({ HTTPS_PROXY: 'http://up:1', no_proxy: 'ghcr.io' }, 'https://ghcr.io/')).toBeUndefined();
    expect(via({ HTTPS_PROXY: 'http://up:1', NO_PROXY: '*' }, 'https://ghcr.io/')).toBeUndefined();
  });

  it('hides the password in what it shows, and names the variable', () => {
    const proxy = proxyFor(proxySettings({ https_proxy: 'http://me:p%40ss@proxy.corp:3128/' }), new URL('https://ghcr.io/'));
    expect(proxy?.shown).toBe('http://me:***@proxy.corp:3128');
    expect(proxy?.variable).toBe('https_proxy');
    expect(proxy?.url.password).toBe('p%40ss');
  });

  it.each(['ftp://proxy:21', 'http://', 'socks5://proxy:1080'])('refuses %s with a coded usage error', (value) => {
    let thrown: unknown;
    try {
      proxySettings({ HTTPS_PROXY: value });
    } catch (error) {
      thrown = error;
    }
    expect(isUsageError(thrown)).toBe(true);
    expect((thrown as { issues: { code: string; message: string }[] }).issues[0]).toMatchObject({ code: 'DWC1003', message: `HTTPS_PROXY=${value} is not a proxy URL` });
  });
});
