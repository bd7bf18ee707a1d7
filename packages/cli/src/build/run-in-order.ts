/** Something that runs after the items it depends on, by name. */
export interface Ordered {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

/**
 * Runs every item after the items it depends on, at most `limit` at once, starting each as soon
 * as its dependencies succeeded. An item whose dependency failed (or was skipped) is not run:
 * `skip(item, dependency)` is called instead. Items must not depend on each other in a circle
 * (see `dependencyOrder`); a dependency that is not among the items counts as done.
 *
 * @example
 * ```ts
 * await runInOrder(builds, 2, async (b) => (await build(b)).ok, (b, dep) => console.log(`${b.name}: ${dep} failed`));
 * ```
 */
export async function runInOrder<T extends Ordered>(items: readonly T[], limit: number, run: (item: T) => Promise<boolean>, skip: (item: T, dependency: string) => void): Promise<void> {
  const names = new Set(items.map((i) => i.name));
  const outcome = new Map<string, boolean>();
  const waiting = [...items];
  let running = 0;
  return new Promise((resolveAll) => {
    const pump = (): void => {
      for (let i = 0; i < waiting.length; ) {
        const item = waiting[i] as T;
        const deps = item.dependsOn.filter((d) => names.has(d));
        const failed = deps.find((d) => outcome.get(d) === false);
        if (failed !== undefined) {
          waiting.splice(i, 1);
          outcome.set(item.name, false);
          skip(item, failed);
          // Its own dependants are now decided too: look again from the start.
          i = 0;
          continue;
        }
        if (running < limit && deps.every((d) => outcome.get(d) === true)) {
          waiting.splice(i, 1);
          running += 1;
          void run(item)
            .catch(() => false)
            .then((ok) => {
              running -= 1;
              outcome.set(item.name, ok);
              pump();
            });
          continue;
        }
        i += 1;
      }
      if (running > 0) return;
      // Nothing runs and nothing can start: only a circle is left; it is skipped, not waited for.
      for (const item of waiting.splice(0)) skip(item, item.dependsOn.find((d) => names.has(d)) ?? item.name);
      resolveAll();
    };
    pump();
  });
}
