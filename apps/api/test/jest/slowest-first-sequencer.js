// Jest's test order for `npm test` (jest.config.ts names it): the longest files first, so that on
// two workers neither is left running a long file alone at the end. Jest's own order uses the
// durations of the last run on the machine when it has them, and the file size when it has not (a
// clean clone, as CI runs it): there the multi-host soak and the executable's test, short files that
// run for most of a minute, came last. Here a file with no duration of its own takes the one below,
// measured on the 2-core machine with one worker, or else one guessed from its size.
const { default: Sequencer } = require('@jest/test-sequencer');
const { relative } = require('node:path');

/** Seconds, by path from the repository's root: files that run far longer than their size says. */
const MEASURED_SECONDS = {
  'apps/soak/src/hosts-soak.spec.ts': 56,
  'apps/api/test/crash-restart.e2e.spec.ts': 39,
  'apps/cli/test/bin.e2e.spec.ts': 38,
  'apps/web/test/console.e2e.spec.ts': 57,
  'apps/web/test/desk.e2e.spec.ts': 32,
  'apps/api/test/hostile-input-bodies.e2e.spec.ts': 27,
  'apps/api/test/hostile-input-fields.e2e.spec.ts': 14,
  'apps/api/test/hostile-input.e2e.spec.ts': 10,
};

/** A guess for a file without a measure: about 1 ms per byte (the browser and end-to-end files are the large ones). */
const MS_PER_BYTE = 1;

class SlowestFirstSequencer extends Sequencer {
  sort(tests) {
    const estimate = new Map(tests.map((test) => [test, this.estimatedMs(test)]));
    return [...tests].sort((a, b) => Number(this.hasFailed(b)) - Number(this.hasFailed(a)) || estimate.get(b) - estimate.get(a));
  }

  estimatedMs(test) {
    const last = this.time(test);
    if (last != null) return last;
    const measured = MEASURED_SECONDS[relative(test.context.config.rootDir, test.path).split('\\').join('/')];
    if (measured != null) return measured * 1000;
    return (test.context.hasteFS.getSize(test.path) ?? 0) * MS_PER_BYTE;
  }
}

module.exports = SlowestFirstSequencer;
