// The `project` label of every per-project metric. Each project id becomes its own label value
// only once the worker has seen the project exist, and only up to a limit: every time series costs
// memory here and in Prometheus, and a request path is chosen by whoever sends it.

/** Requests that did not reach an existing project: unknown ids, refused before the project loaded. */
export const UNKNOWN_PROJECT = 'unknown';
/** Existing projects admitted after the limit was reached. */
export const OTHER_PROJECTS = 'other';
/** Requests not addressed to a project (management API, /status, /metrics). */
export const NO_PROJECT = '';

export class ProjectLabels {
  private readonly admitted = new Set<string>();

  constructor(private readonly limit: number) {}

  /**
   * The label of a project the caller knows exists. Admitted projects are never evicted, so a
   * gauge raised under a label is lowered under the same one.
   */
  admit(projectId: string): string {
    if (this.admitted.has(projectId)) return projectId;
    if (this.admitted.size >= this.limit) return OTHER_PROJECTS;
    this.admitted.add(projectId);
    return projectId;
  }

  /** The label of a project that may not exist: its own if admitted before, `unknown` otherwise. */
  lookup(projectId: string): string {
    return this.admitted.has(projectId) ? projectId : UNKNOWN_PROJECT;
  }
}
