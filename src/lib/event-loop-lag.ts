/**
 * Event-loop lag of this thread, sampled in the background so that reading it costs nothing.
 *
 * One sampler per thread (each worker thread has its own event loop): a native
 * `monitorEventLoopDelay` histogram (a libuv timer every {@link LAG_RESOLUTION_MS} records how late
 * it fired) and an interval timer that, every {@link LAG_SAMPLE_INTERVAL_MS}, turns the histogram
 * into one figure, resets it and hands the figure to every subscriber. The figure of a window is
 * the larger of the histogram's 90th percentile minus the resolution and how late the interval
 * timer itself fired: a single stray GC pause does not move the 90th percentile, a loop that is
 * busy for most of the window does, and a loop blocked for the whole window shows through the
 * interval's own delay. The sampler runs only while someone subscribes, and its timers are
 * `unref`'d so they never keep a process alive.
 *
 * @example
 * const stop = watchEventLoopLag((lagMs) => { if (lagMs > 100) shedLowPriority(); });
 * // later
 * stop();
 */
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** Period of the native delay timer (ms): the histogram gets ~100 samples per second. */
export const LAG_RESOLUTION_MS = 10;
/** How often the histogram is summarised and subscribers are told (ms). */
export const LAG_SAMPLE_INTERVAL_MS = 100;

/** Receives the lag (ms, >= 0) of the window that just ended. */
export type LagListener = (lagMs: number) => void;

const listeners = new Set<LagListener>();
let histogram: IntervalHistogram | undefined;
let timer: NodeJS.Timeout | undefined;
let lastTick = 0;
let current = 0;

function tick(): void {
  const now = performance.now();
  const drift = now - lastTick - LAG_SAMPLE_INTERVAL_MS;
  lastTick = now;
  const h = histogram!;
  const p90 = h.count > 0 ? h.percentile(90) / 1e6 - LAG_RESOLUTION_MS : 0;
  h.reset();
  const lag = Math.max(0, p90, drift);
  current = lag;
  for (const fn of listeners) {
    try {
      fn(lag);
    } catch (err) {
      process.emitWarning(`event-loop lag listener threw: ${String(err)}`);
    }
  }
}

/**
 * The lag (ms) of the last completed window; 0 while no sampler runs. A plain read of a number.
 *
 * @example
 * if (eventLoopLagMs() > 200) reportBusy();
 */
export function eventLoopLagMs(): number {
  return current;
}

/**
 * Calls `fn` with the lag of every window (every {@link LAG_SAMPLE_INTERVAL_MS}) until the returned
 * function is called. The first subscriber starts the sampler, the last one to leave stops it.
 *
 * @example
 * const stop = watchEventLoopLag((lag) => metrics.lag.set(lag));
 */
export function watchEventLoopLag(fn: LagListener): () => void {
  if (typeof fn !== 'function') throw new TypeError('watchEventLoopLag(fn: function)');
  // A wrapper, so subscribing the same function twice is two subscriptions.
  const entry: LagListener = (lag) => fn(lag);
  listeners.add(entry);
  if (histogram === undefined) {
    histogram = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
    histogram.enable();
    lastTick = performance.now();
    timer = setInterval(tick, LAG_SAMPLE_INTERVAL_MS);
    timer.unref();
  }
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    listeners.delete(entry);
    if (listeners.size === 0 && histogram !== undefined) {
      clearInterval(timer);
      histogram.disable();
      histogram = undefined;
      timer = undefined;
      current = 0;
    }
  };
}
