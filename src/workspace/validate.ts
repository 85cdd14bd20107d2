/**
 * Checks on the JSON inside a workspace file. A file that passed its digest can still have been
 * written by hand: every value is checked for its type and range before the app uses it, and any
 * failure refuses the whole file.
 */
import { WorkspaceError } from './container.ts';

export function invalid(what: string): never {
  throw new WorkspaceError(
    'invalid-contents',
    `This workspace file's contents are not valid (${what}), so nothing was opened.`,
  );
}

export function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(what);
  return value as Record<string, unknown>;
}

export function text(value: unknown, what: string): string {
  if (typeof value !== 'string') invalid(what);
  return value;
}

export function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(what);
  return value;
}

export function whole(value: unknown, what: string, least = 0, most = Number.MAX_SAFE_INTEGER) {
  const number = finite(value, what);
  if (!Number.isInteger(number) || number < least || number > most) invalid(what);
  return number;
}

export function flag(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') invalid(what);
  return value;
}

export function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) invalid(what);
  return value;
}

export function texts(value: unknown, what: string): string[] {
  return list(value, what).map((item) => text(item, what));
}

export function oneOf<Option extends string>(
  value: unknown,
  options: readonly Option[],
  what: string,
): Option {
  const found = options.find((option) => option === value);
  if (found === undefined) invalid(what);
  return found;
}

export function orNull<Value>(value: unknown, check: (value: unknown) => Value): Value | null {
  return value === null ? null : check(value);
}
