import { RefractError } from './refract.error.js';

/** One bad or missing environment variable. `reason` never contains the variable's value. */
export interface ConfigIssue {
  variable: string;
  reason: string;
}

/** Thrown by `loadConfig` when one or more variables are missing or invalid; lists all of them. */
export class ConfigError extends RefractError<'CONFIG_INVALID', { issues: ConfigIssue[] }> {
  readonly code = 'CONFIG_INVALID';

  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.variable}: ${issue.reason}`);
    const count = issues.length === 1 ? '1 variable' : `${issues.length} variables`;
    super(`Invalid configuration: ${count} missing or invalid\n${lines.join('\n')}`, {
      details: { issues: issues.map((issue) => ({ ...issue })) },
    });
  }

  get issues(): readonly ConfigIssue[] {
    return this.details?.issues ?? [];
  }
}
