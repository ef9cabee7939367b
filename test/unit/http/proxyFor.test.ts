import * as assert from 'assert';
import { proxyFromEditorSettings, proxyFromEnvironment } from '../../../src/core/http/proxyFor';

describe('Proxy from the environment (CLI)', () => {
  const env = {
    HTTPS_PROXY: 'http://proxy.corp:3128',
    http_proxy: 'http://plain.corp:8080',
    NO_PROXY: 'internal.corp, .svc.local,example.org:8443',
  };

  it('uses HTTPS_PROXY for https and HTTP_PROXY (any case) for http', () => {
    assert.deepStrictEqual(proxyFromEnvironment('https://hooks.example.com/x', env), { url: 'http://proxy.corp:3128' });
    assert.deepStrictEqual(proxyFromEnvironment('http://hooks.example.com/x', env), { url: 'http://plain.corp:8080' });
    assert.strictEqual(proxyFromEnvironment('https://hooks.example.com/x', {}), undefined);
  });

  it('goes direct for loopback and for NO_PROXY hosts, suffixes and ports', () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'https://localhost/',
      'https://internal.corp/',
      'https://a.svc.local/',
      'https://api.internal.corp/',
      'https://example.org:8443/',
    ]) {
      assert.strictEqual(proxyFromEnvironment(url, env), undefined, url);
    }
    assert.ok(
      proxyFromEnvironment('https://example.org/', env),
      'another port of a NO_PROXY host:port goes through the proxy',
    );
    assert.strictEqual(proxyFromEnvironment('https://any.where/', { ...env, NO_PROXY: '*' }), undefined);
  });

  it('follows http.proxy, http.proxyStrictSSL and http.noProxy in the editor, and the environment when http.proxy is empty', () => {
    const settings = { proxy: 'http://editor.proxy:3128', strictSSL: false, noProxy: ['*.corp.example'] };
    assert.deepStrictEqual(proxyFromEditorSettings('https://hooks.example.com/', settings, {}), {
      url: 'http://editor.proxy:3128',
      strictSSL: false,
    });
    assert.strictEqual(proxyFromEditorSettings('https://api.corp.example/', settings, {}), undefined);
    assert.strictEqual(proxyFromEditorSettings('http://127.0.0.1:8080/', settings, {}), undefined);
    assert.deepStrictEqual(proxyFromEditorSettings('https://hooks.example.com/', {}, env), {
      url: 'http://proxy.corp:3128',
      strictSSL: true,
    });
  });
});
