/**
 * Why one batch line cannot be answered. Thrown inside the batch and turned into an
 * `{"id", "error"}` line; deliberately not an Error, so it costs no stack trace when a batch
 * holds many bad lines.
 */
export class LineProblem {
  constructor(readonly message: string) {}
}
