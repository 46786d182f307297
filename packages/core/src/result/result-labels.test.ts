import { describe, expect, it } from 'vitest';
import { versionOne } from '../../test/result-fixtures.js';
import { parseResultDocument, resultBrowser, uploaderDeviceName } from '../index.js';

type Environment = { runtime: 'browser' | 'node'; userAgent: string; browser?: string };
const withEnvironment = (environment: Environment) => parseResultDocument({ ...versionOne, environment });

const ua = {
  edge: 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0',
  chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
  safari: 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15',
};

describe('result labels', () => {
  it('names the browser the run reports, else the one its user agent names, node for Dawn, else unknown', () => {
    expect(resultBrowser(withEnvironment({ runtime: 'browser', userAgent: ua.edge, browser: 'Arc' }))).toBe(
      'Arc',
    );
    expect(resultBrowser(withEnvironment({ runtime: 'browser', userAgent: ua.edge }))).toBe('Edge');
    expect(resultBrowser(withEnvironment({ runtime: 'browser', userAgent: ua.chrome }))).toBe('Chrome');
    expect(resultBrowser(withEnvironment({ runtime: 'browser', userAgent: ua.safari }))).toBe('Safari');
    expect(resultBrowser(withEnvironment({ runtime: 'node', userAgent: 'node v20' }))).toBe('node');
    expect(resultBrowser(withEnvironment({ runtime: 'browser', userAgent: 'curl/8' }))).toBe('unknown');
  });

  it('names the device as its uploader did, else by its adapter', () => {
    const doc = parseResultDocument(versionOne);
    expect(uploaderDeviceName(doc)).toBe('nvidia ampere');
    expect(uploaderDeviceName({ ...doc, claimedDevice: { name: '  my 3060 ' } })).toBe('my 3060');
    const blank = { ...doc, adapter: { vendor: '', architecture: ' ', device: '', description: '' } };
    expect(uploaderDeviceName(blank)).toBe('unnamed adapter');
  });
});
