/** The built CLI's folder (dist/apps/cli/src), built first when it is missing or stale; throws with what to do when it cannot be. */
export declare function builtCli(): string;
