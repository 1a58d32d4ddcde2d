import { afterEach, describe, expect, it, vi } from 'vitest';
import { offsetOf, serverNow, setServerOffset, syncServerClock } from './server-clock.js';

describe("the service's clock in the browser", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    setServerOffset(0);
  });

  it('takes the answer as made halfway through the round trip', () => {
    expect(offsetOf({ sentAt: 1_000, serverNow: 5_000_050, receivedAt: 1_100 })).toBe(5_000_050 - 1_050);
  });

  it('keeps now in whole milliseconds when the round trip took an odd number of them', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-02T03:00:00Z'), toFake: ['Date'] });
    setServerOffset(offsetOf({ sentAt: 1_000, serverNow: 5_000_000, receivedAt: 1_001 }));
    expect(Number.isInteger(serverNow())).toBe(true);
  });

  it("reads now on the service's clock after measuring it, and keeps the last offset when the service is unreachable", async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-02T03:00:00Z'), toFake: ['Date'] });
    const far = Date.parse('2031-06-01T12:00:00Z');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ now: new Date(far).toISOString(), now_ms: far }), { status: 200 })));
    expect(await syncServerClock()).toBe(true);
    expect(serverNow()).toBe(far);
    vi.setSystemTime(Date.parse('2026-12-02T03:00:01Z'));
    expect(serverNow()).toBe(far + 1000);
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await syncServerClock()).toBe(false);
    expect(serverNow()).toBe(far + 1000);
  });
});
