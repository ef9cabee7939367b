import { UserError } from '../errors/userError';

/**
 * What a command accepts in one argument position. VS Code hands commands whatever a menu, a
 * keybinding or another extension passes, so each argument is checked before a command runs.
 */
export interface Arg<T> {
  /** Read by a user: "a topic in the Tenancy view". */
  readonly what: string;
  accepts(value: unknown): value is T;
}

/** The argument types a list of checks lets through, position by position. */
export type ArgTypes<A extends readonly Arg<unknown>[]> = {
  -readonly [K in keyof A]: A[K] extends Arg<infer T> ? T : never;
};

/** A row of a tree: an object whose `kind` is one of these. */
export function row<N extends { readonly kind: string }>(what: string, ...kinds: readonly N['kind'][]): Arg<N> {
  return {
    what,
    accepts: (value): value is N =>
      typeof value === 'object' && value !== null && kinds.includes((value as { kind?: unknown }).kind as string),
  };
}

/** An argument a caller may leave out: a command run from the palette gets none. */
export function optional<T>(arg: Arg<T>): Arg<T | undefined> {
  return {
    what: `${arg.what}, or nothing`,
    accepts: (value): value is T | undefined => value === undefined || arg.accepts(value),
  };
}

export function either<A, B>(a: Arg<A>, b: Arg<B>): Arg<A | B> {
  return { what: `${a.what} or ${b.what}`, accepts: (value): value is A | B => a.accepts(value) || b.accepts(value) };
}

export const text: Arg<string> = { what: 'a text', accepts: (value): value is string => typeof value === 'string' };

/** An object checked by a guard of the caller's: a record read from a view, a message's fields. */
export function shaped<T>(what: string, guard: (value: Readonly<Record<string, unknown>>) => boolean): Arg<T> {
  return {
    what,
    accepts: (value): value is T =>
      typeof value === 'object' && value !== null && !Array.isArray(value) && guard(value as Record<string, unknown>),
  };
}

/** For a command that reads what it is given itself, as the sender reads a seed of any shape. */
export const anything: Arg<unknown> = { what: 'anything', accepts: (_value): _value is unknown => true };

/**
 * Throws a UserError naming the first argument that is not what the command takes. Extra
 * arguments are let through: a tree's context menu adds the selected rows after the clicked one.
 */
export function checkArgs(title: string, args: readonly Arg<unknown>[], values: readonly unknown[]): void {
  args.forEach((arg, i) => {
    if (!arg.accepts(values[i])) {
      throw new UserError(
        `${title} takes ${arg.what} as its ${ORDINALS[i] ?? `argument ${i + 1}`}, and was given ${describeValue(values[i])}.`,
        'Run it from its menu or from the Command Palette, which pass what it takes.',
      );
    }
  });
}

const ORDINALS = ['first argument', 'second argument', 'third argument', 'fourth argument'];

/** What a value is, in a few words, never its content: it may hold a secret. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return `a list of ${value.length}`;
  }
  if (typeof value === 'object') {
    const kind = (value as { kind?: unknown }).kind;
    return typeof kind === 'string' && /^[A-Za-z]{1,40}$/.test(kind) ? `a "${kind}" row` : 'an object';
  }
  return typeof value === 'string' ? 'a text' : `a ${typeof value}`;
}
