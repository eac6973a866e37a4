import { type ConfigProblem, formatProblem } from '../calendar';

/** Thrown when a service catalog is invalid; lists every problem, each prefixed with the source. */
export class CatalogError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ConfigProblem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${source}: invalid service catalog (${count}):\n${problems.map((problem) => `${source}: ${formatProblem(problem)}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}
