export type DomainErrorCode =
  "BAD_REQUEST" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "PAYLOAD_TOO_LARGE";

/** The one error vocabulary of Concord: the API layer maps each code to its transport's status. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** A problem in an input file, located by line (1-based) and field, e.g. `annotations[0].spans[2].end`. */
export class InputError extends DomainError {
  constructor(
    readonly line: number,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super("BAD_REQUEST", `line ${line}${field ? `, field "${field}"` : ""}: ${reason}`);
    this.name = "InputError";
  }
}

/** An InputError placed in its file: what a user needs when an import reads several files. */
export class FileInputError extends InputError {
  constructor(
    readonly file: string,
    error: InputError,
  ) {
    super(error.line, error.field, error.reason);
    this.name = "FileInputError";
    this.message = `${file}: ${this.message}`;
  }
}
