/**
 * Worker thread of {@link runFtwParallel}: compiles the CRS once, runs its shard of the test files (every
 * `shards`-th file from `shard`) and posts the {@link FtwResult}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { crsTestFiles, loadCrsRuleset, runFtw } from './ftw.ts';

const { crs, shard, shards, filter } = workerData as {
  crs: string;
  shard: number;
  shards: number;
  filter: string;
};
const rs = loadCrsRuleset(crs);
const files = crsTestFiles(crs).filter((_, i) => i % shards === shard);
parentPort?.postMessage(runFtw(rs, files, { filter }));
