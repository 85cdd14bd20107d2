import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, policyText } from './contentSecurityPolicy.ts';

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
