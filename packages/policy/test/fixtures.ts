/** A small valid pack to break in tests, one change at a time. */
export const MINIMAL = `id: acme
name: Acme
versions:
  - id: v1
    effective_from: 2024-01-01T00:00:00Z
    calendars:
      - id: office
        zone: Europe/Paris
        weekly:
          mon: [{ from: "09:00", to: "17:00" }]
          tue: [{ from: "09:00", to: "17:00" }]
      - id: 24x7
        zone: UTC
        always_open: true
    priorities:
      - { id: high, name: High, definition: Down }
      - { id: low, name: Low, definition: Question, default: true }
    metrics:
      - { id: first_response, kind: first_response, paused_by: [pending] }
    plans:
      - id: gold
        name: Gold
        aliases: [au]
        calendar: office
        targets:
          first_response: { high: { duration: 1h, calendar: 24x7 }, low: 4h }
      - id: free
        name: Free
        calendar: office
        targets: none
  - id: v2
    effective_from: 2025-01-01T00:00:00+01:00
    breach_warning_at: 0.8
`;
