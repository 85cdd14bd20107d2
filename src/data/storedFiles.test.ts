import { describe, expect, it } from 'vitest';
import { isStorageFull, megabytes, StorageFullError } from './storedFiles.ts';

describe('a full store', () => {
  it('is told apart from other failures, also when an error crossed from a worker by name', () => {
    expect(isStorageFull(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe(true);
    expect(isStorageFull(new StorageFullError(2e8, 5e7))).toBe(true);
    // Comlink rebuilds a worker's error as an Error carrying the original's name.
    expect(isStorageFull(Object.assign(new Error('x'), { name: 'StorageFullError' }))).toBe(true);
    expect(isStorageFull(new DOMException('Aborted', 'AbortError'))).toBe(false);
    expect(isStorageFull(new Error('QuotaExceededError'))).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });

  it('says how much room a file needs and how much there is', () => {
    expect(new StorageFullError(140_200_000, 52_400_000).message).toBe(
      'it needs 140 MB and the browser allows this site 52 MB more',
    );
    expect(megabytes(1_500_000_000)).toBe('1,500 MB');
    expect(megabytes(10)).toBe('1 MB');
  });
});
