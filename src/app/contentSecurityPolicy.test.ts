import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  policyText,
} from './contentSecurityPolicy.ts';

describe('policyText', () => {
  it('writes each directive with its sources, separated by semicolons', () => {
    expect(policyText({ 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] })).toBe(
      "default-src 'self'; img-src 'self' data:",
    );
  });

  it('is the header the README gives for hosting, which adds only frame-ancestors', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const header = readme.split('\n').find((line) => line.startsWith('Content-Security-Policy: '));
    expect(header).toBe(
      `Content-Security-Policy: ${policyText(CONTENT_SECURITY_POLICY)}; frame-ancestors 'none'`,
    );
  });
});

describe('contentSecurityPolicy', () => {
  it("adds a configured tile service's origin where the map fetches and draws, and nowhere else", () => {
    const policy = contentSecurityPolicy('https://api.os.uk');
    const withOrigin = Object.entries(policy)
      .filter(([, sources]) => sources.includes('https://api.os.uk'))
      .map(([directive]) => directive);
    expect(withOrigin).toEqual(['img-src', 'connect-src']);
    for (const [directive, sources] of Object.entries(policy)) {
      const others = sources.filter((source) => source !== 'https://api.os.uk');
      expect(others).toEqual(CONTENT_SECURITY_POLICY[directive]);
    }
  });
});
