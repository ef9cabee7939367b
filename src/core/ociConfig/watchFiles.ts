import { existsSync, FSWatcher, watch } from 'fs';
import * as path from 'path';

export interface Watch {
  dispose(): void;
}

/**
 * Calls `onChange` when any of `files` is created, changed, renamed or deleted, even when its
 * folder does not exist yet (a first `~/.oci/config` is usually created with its folder).
 * Each file is watched through its nearest existing ancestor folder, and every relevant event
 * re-arms the watchers, because the folder that exists may have changed.
 */
export function watchFiles(files: readonly string[], onChange: () => void, debounceMs = 150): Watch {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!disposed) {
        arm();
        onChange();
      }
    }, debounceMs);
  };

  const arm = () => {
    watchers.forEach((w) => w.close());
    watchers = [];
    for (const file of files) {
      let dir = path.dirname(file);
      while (!existsSync(dir) && path.dirname(dir) !== dir) {
        dir = path.dirname(dir);
      }
      // The entry in `dir` through which the file is reached.
      const entry = path.relative(dir, file).split(path.sep)[0];
      try {
        const watcher = watch(dir, { persistent: false }, (_event, name) => {
          if (!name || name.toString() === entry) {
            fire();
          }
        });
        watcher.on('error', fire);
        watchers.push(watcher);
      } catch {
        // An unreadable folder cannot be watched; the view still refreshes on demand.
      }
    }
  };

  arm();
  return {
    dispose() {
      disposed = true;
      clearTimeout(timer);
      watchers.forEach((w) => w.close());
    },
  };
}
