import { TimerError } from './errors.js';
import type { TimerHandler } from './worker.js';

/**
 * The handlers a worker runs, by timer kind. Each feature registers the kinds it schedules; the
 * composition root makes one registry, lets every feature fill it, and gives it to the worker. A kind
 * belongs to one feature, so a second handler for it is refused.
 */
export class TimerHandlerRegistry {
  readonly #handlers = new Map<string, TimerHandler>();

  register(kind: string, handler: TimerHandler): this {
    if (kind.length === 0) throw new TimerError('invalid_worker', 'A timer kind needs a name; register it as e.g. "breach".');
    if (this.#handlers.has(kind)) throw new TimerError('invalid_worker', `Timer kind "${kind}" already has a handler; each kind is handled by the one feature that schedules it.`);
    this.#handlers.set(kind, handler);
    return this;
  }

  /** The registered kinds, in the order they were registered. */
  get kinds(): readonly string[] {
    return [...this.#handlers.keys()];
  }

  /** The handlers as the worker takes them. */
  handlers(): Record<string, TimerHandler> {
    return Object.fromEntries(this.#handlers);
  }
}
