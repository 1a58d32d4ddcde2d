/** The request and answer shapes of the availability routes (Zod, hence the OpenAPI description). */
import { z } from 'zod';
import { CLAIM_STATES } from './attainment.js';
import { AMOUNT_PATTERN, CURRENCY_PATTERN } from './fees-csv.js';
import { CREDIT_STATUSES } from './tables.js';

const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Must be a month written as YYYY-MM.');
const dateText = z.iso.date('Must be a date written as YYYY-MM-DD.');
const componentKey = z.string().min(1).max(63).describe('A status component key, e.g. mail-send.');

export const PeriodQuery = z.strictObject({
  from: monthText.optional().describe('First month (YYYY-MM); five months before `to` by default.'),
  to: monthText.optional().describe('Last month (YYYY-MM); the current month by default.'),
});
export const MonthQuery = z.strictObject({
  month: monthText.optional().describe('One month (YYYY-MM); or give from and to.'),
  ...PeriodQuery.shape,
});

const Money = z.object({ amount: z.string().describe('Decimal text, e.g. 1250.00.'), currency: z.string() });
const ComponentRef = z.object({ id: z.uuid(), key: z.string(), name: z.string() });

const Measure = z.object({
  month: z.string(),
  minutes: z.number().describe('Minutes measured: the whole month, or so far while it is in progress.'),
  down_minutes: z.number().describe('Unavailable minutes: major outage plus the partial share of partial outage.'),
  major_minutes: z.number(),
  partial_minutes: z.number(),
  availability: z.number().describe('Percent.'),
  in_progress: z.boolean().describe('The month has not ended: figures so far, never credited.'),
});

export const ProviderAvailabilitySchema = z
  .object({
    months: z.array(z.object({ month: z.string(), in_progress: z.boolean(), partial_outage_share: z.number() })),
    components: z.array(ComponentRef.extend({ months: z.array(Measure) })),
  })
  .meta({ id: 'ProviderAvailability' });

const CreditRequestRef = z.object({
  id: z.uuid(),
  component_id: z.uuid(),
  month: z.string(),
  ticket_id: z.uuid().nullable(),
  ticket_number: z.number().nullable(),
  status: z.string(),
  requested_at: z.string(),
  credit_amount: z.string().nullable(),
  currency: z.string().nullable(),
});

const AttainmentCell = Measure.omit({ month: true }).extend({
  component: ComponentRef,
  threshold: z.number().nullable().describe('Percent promised that month; null: the pack promises none.'),
  package: z.object({ id: z.string(), name: z.string() }).nullable().describe('The package that raised the threshold, if one did.'),
  shortfall: z.boolean(),
  fee: Money.nullable(),
  credit: z.object({ percent: z.number(), amount: z.string().nullable(), currency: z.string().nullable() }).nullable(),
  claim: z.object({ state: z.enum(CLAIM_STATES), closes_at: z.string().nullable(), request: CreditRequestRef.nullable() }),
});

export const AccountAvailabilitySchema = z
  .object({
    account: z.object({ id: z.uuid(), name: z.string() }),
    terms: z
      .object({ default_threshold: z.number(), partial_outage_share: z.number(), credit_percent: z.number().nullable(), claim_window_days: z.number() })
      .nullable(),
    months: z.array(z.object({ month: z.string(), in_progress: z.boolean(), components: z.array(AttainmentCell) })),
  })
  .meta({ id: 'AccountAvailability' });

const PackageOffer = z.object({ id: z.string(), name: z.string(), component: z.string(), threshold: z.number() });
export const AccountPackagesSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        package_id: z.string(),
        name: z.string().nullable(),
        component: z.string().nullable(),
        threshold: z.number().nullable(),
        starts_on: z.string(),
        ends_on: z.string().nullable(),
      }),
    ),
    offered: z.array(PackageOffer).describe("The packages the account's pack offers."),
  })
  .meta({ id: 'AccountPackages' });

export const PutPackagesBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        package_id: z.string().min(1).max(100),
        starts_on: dateText.describe('First day held.'),
        ends_on: dateText.nullable().optional().describe('Last day held; null or left out: still held.'),
      }),
    )
    .max(100),
});

export const FeesSchema = z.object({ items: z.array(z.object({ component: ComponentRef, month: z.string(), amount: z.string(), currency: z.string() })) }).meta({ id: 'ComponentFees' });

export const PutFeesBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        component: componentKey,
        month: monthText,
        amount: z.string().regex(AMOUNT_PATTERN, 'Must be an amount with a dot and at most two decimals, e.g. 1250.00.'),
        currency: z.string().regex(CURRENCY_PATTERN, 'Must be an ISO 4217 currency code such as USD.'),
      }),
    )
    .max(1000),
});

export const FeeImportSchema = z.object({ imported: z.number() });

export const CreditRequestBody = z.strictObject({
  account_id: z.uuid().optional().describe('Staff only: the account; customers request for their own.'),
  component: componentKey,
  month: monthText,
  requester_id: z.uuid().optional().describe("Staff only: the customer the ticket is filed for; the account's first customer by default."),
});

export const CreditRequestSchema = z
  .object({
    id: z.uuid(),
    account_id: z.uuid(),
    component: ComponentRef,
    month: z.string(),
    availability: z.number(),
    threshold: z.number(),
    credit_percent: z.number(),
    fee: Money.nullable(),
    credit: Money.nullable().describe('Null while no fee is recorded for the month.'),
    status: z.enum(CREDIT_STATUSES),
    requested_at: z.string(),
    ticket: z.object({ id: z.uuid(), number: z.number() }),
  })
  .meta({ id: 'CreditRequest' });

export const CreditStatusBody = z.strictObject({ status: z.enum(CREDIT_STATUSES).describe('credited or declined once decided; requested to reopen.') });
export const CreditStatusSchema = z.object({ id: z.uuid(), status: z.enum(CREDIT_STATUSES) }).meta({ id: 'CreditRequestStatus' });
