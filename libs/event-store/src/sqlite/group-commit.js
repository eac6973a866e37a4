"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GroupCommit = void 0;
const BUSY_FIRST_DELAY_MS = 5;
const BUSY_MAX_DELAY_MS = 200;
/**
 * Group commit: requests submitted while the event loop is busy are queued and committed together
 * on the next turn (one transaction, one fsync), instead of one fsync each. `commit` returns one
 * outcome per request, or throws when the whole transaction failed.
 */
class GroupCommit {
    commit;
    mapError;
    busy;
    maxBatch;
    queue = [];
    scheduled = false;
    commitCount = 0;
    requestCount = 0;
    busySince;
    /** Once closing, a busy lock fails the batch instead of waiting: close must finish. */
    closing = false;
    busyDelayMs = BUSY_FIRST_DELAY_MS;
    constructor(commit, mapError, busy = { isBusy: () => false, busyDeadlineMs: 0 }, 
    /** Bounds one transaction so a burst cannot block the event loop for long. */
    maxBatch = 1000) {
        this.commit = commit;
        this.mapError = mapError;
        this.busy = busy;
        this.maxBatch = maxBatch;
    }
    /** Queues a request; the promise settles once its batch is durably committed. */
    submit(request) {
        return new Promise((resolve, reject) => {
            this.queue.push({ request, resolve, reject });
            this.schedule();
        });
    }
    /** Commits everything queued now (used on close, so accepted requests are not dropped). */
    flushAll() {
        this.closing = true;
        while (this.queue.length > 0)
            this.commitBatch(this.queue.splice(0, this.maxBatch));
    }
    /** Transactions committed and requests processed so far. */
    stats() {
        return { commits: this.commitCount, appends: this.requestCount };
    }
    /**
     * Another writer holds the lock: put the batch back at the head of the queue and try again
     * after a growing delay, until the deadline. Returns false when the batch should fail now.
     */
    waitForLock(batch, error) {
        if (this.closing || !this.busy.isBusy(error))
            return false;
        const now = Date.now();
        this.busySince ??= now;
        if (now - this.busySince >= this.busy.busyDeadlineMs) {
            this.busySince = undefined;
            this.busyDelayMs = BUSY_FIRST_DELAY_MS;
            return false;
        }
        this.queue.unshift(...batch);
        this.scheduled = true;
        setTimeout(() => {
            this.scheduled = false;
            this.schedule();
        }, this.busyDelayMs);
        this.busyDelayMs = Math.min(this.busyDelayMs * 2, BUSY_MAX_DELAY_MS);
        return true;
    }
    schedule() {
        if (this.scheduled)
            return;
        this.scheduled = true;
        // setImmediate runs after pending I/O callbacks, so requests arriving in the same loop turn share the commit.
        setImmediate(() => {
            this.scheduled = false;
            if (this.queue.length > 0)
                this.commitBatch(this.queue.splice(0, this.maxBatch));
            if (this.queue.length > 0)
                this.schedule();
        });
    }
    commitBatch(batch) {
        let outcomes;
        try {
            outcomes = this.commit(batch.map((pending) => pending.request));
            this.busySince = undefined;
            this.busyDelayMs = BUSY_FIRST_DELAY_MS;
        }
        catch (error) {
            if (this.waitForLock(batch, error))
                return;
            const mapped = this.mapError(error);
            batch.forEach((pending) => pending.reject(mapped));
            return;
        }
        this.commitCount++;
        this.requestCount += batch.length;
        batch.forEach((pending, i) => {
            const outcome = outcomes[i];
            if (outcome.ok)
                pending.resolve(outcome.value);
            else
                pending.reject(outcome.error);
        });
    }
}
exports.GroupCommit = GroupCommit;
//# sourceMappingURL=group-commit.js.map