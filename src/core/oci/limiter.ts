/** Runs calls with at most `limit` in flight at once, across every caller that shares it. */
export type Limiter = <T>(call: () => Promise<T>) => Promise<T>;

export function limiter(limit: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(call: () => Promise<T>): Promise<T> => {
    if (running >= Math.max(1, limit)) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running++;
    }
    try {
      return await call();
    } finally {
      // The slot passes straight to the next waiter, so `running` never dips below what is in flight.
      const next = waiting.shift();
      if (next) {
        next();
      } else {
        running--;
      }
    }
  };
}
