import { describe, expect, it } from 'vitest';
import { errorMessage } from './errorMessage.ts';

describe('errorMessage', () => {
  it("gives an Error's message, of any kind of Error", () => {
    expect(errorMessage(new Error('The file is empty'))).toBe('The file is empty');
    expect(errorMessage(new RangeError('Invalid array length'))).toBe('Invalid array length');
    expect(errorMessage(new DOMException('The operation was aborted', 'AbortError'))).toBe(
      'The operation was aborted',
    );
  });

  it('gives anything else thrown as text', () => {
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(404)).toBe('404');
    expect(errorMessage(undefined)).toBe('undefined');
    // Not an Error, however like one it looks: its message is not trusted to be text.
    expect(errorMessage({ message: 'looks like one' })).toBe('[object Object]');
  });

  it('gives the words it is given for anything but an Error', () => {
    expect(errorMessage('no', 'The map image could not be made.')).toBe(
      'The map image could not be made.',
    );
    expect(errorMessage(new Error('WebGL context lost'), 'The map image could not be made.')).toBe(
      'WebGL context lost',
    );
  });
});
