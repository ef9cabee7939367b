/**
 * Does a step of the workbench again until it takes, as a user would when a click or a key was
 * lost: `attempt` runs up to `times` times, and after a failed one that is not the last,
 * `beforeNext` clears what it left behind. The last failure is thrown.
 */
export async function untilItTakes(
  times: number,
  attempt: (n: number) => Promise<void>,
  beforeNext: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  for (let n = 1; ; n++) {
    try {
      await attempt(n);
      return;
    } catch (err) {
      if (n === times) {
        throw err;
      }
      await beforeNext();
    }
  }
}
