export { parsePack, type ParseResult } from './parse/parse-pack.js';
export { MAX_PACK_ALIASES, MAX_PACK_BYTES, MAX_PACK_DEPTH, MAX_PACK_NODES, type PackLimit } from './parse/limits.js';
export { PolicyRegistry, loadPackFile, loadPackDir, loadShippedPacks, shippedPacksDir } from './registry.js';
export { CompiledPack } from './compiled/pack.js';
export { CompiledPackVersion, type Priority, type Metric, type Plan, type ResolvedTarget } from './compiled/version.js';
export { PolicyError, type PolicyErrorCode, type Problem } from './errors.js';
export { packJsonSchema } from './json-schema.js';
export { PLAN_FEATURES } from './schema/pack.js';
export type {
  PackData,
  VersionData,
  PriorityData,
  MetricData,
  PlanData,
  LifecycleData,
  LanguageData,
  EscalationData,
  PartnerTierData,
  AvailabilityData,
} from './schema/pack.js';
export type { CalendarData } from './schema/calendar.js';
export type { IntakeData, IntakeFormData, IntakeFieldData } from './schema/intake.js';
export { INTAKE_FIELD_TYPES, intakeFormSchema } from './schema/intake.js';
export { METRIC_KINDS, CHANNELS, TICKET_STATUSES } from './schema/primitives.js';
