/** A problem in the content folder: the file, the line when known, and what is wrong. */
export class BuildError extends Error {
  override name = 'BuildError';
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }

  /** `posts/a.md:3: tags must be a list of strings`, as compilers print it. */
  override toString(): string {
    return `${this.file}${this.line ? `:${this.line}` : ''}: ${this.message}`;
  }
}

/** Several problems at once: the build reports all it found before it stops. */
export class BuildErrors extends Error {
  override name = 'BuildErrors';
  constructor(readonly errors: BuildError[]) {
    super(errors.map(String).join('\n'));
  }
}
