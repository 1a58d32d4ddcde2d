export type SlaErrorCode = 'unknown_metric' | 'unknown_metric_kind';

/** A question the SLA clocks cannot answer: a stable code and a plain message naming the valid choices. */
export class SlaError extends Error {
  readonly code: SlaErrorCode;

  constructor(code: SlaErrorCode, message: string) {
    super(message);
    this.name = 'SlaError';
    this.code = code;
  }
}
