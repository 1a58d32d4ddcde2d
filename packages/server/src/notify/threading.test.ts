import { describe, expect, it } from 'vitest';
import { eventMessageId, rootMessageId, stableUuid, ticketIdFromMessageId } from './threading.js';

describe('Message-IDs of notifications', () => {
  it('derives the same UUID from the same outbox key, and different ones from different keys', () => {
    const a = stableUuid('notification:41:7f0c');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('notification:41:7f0c')).toBe(a);
    expect(stableUuid('notification:42:7f0c')).not.toBe(a);
  });

  it('keeps a resent message in its thread and names the ticket to inbound mail', () => {
    const id = eventMessageId('t-123', 'ticket_created', 'desk.example.com', stableUuid('notification:1:u'));
    expect(id).toBe(eventMessageId('t-123', 'ticket_created', 'desk.example.com', stableUuid('notification:1:u')));
    expect(ticketIdFromMessageId(id, 'desk.example.com')).toBe('t-123');
    expect(ticketIdFromMessageId(rootMessageId('t-123', 'desk.example.com'), 'desk.example.com')).toBe('t-123');
    expect(ticketIdFromMessageId(id, 'other.example.com')).toBeNull();
  });
});
