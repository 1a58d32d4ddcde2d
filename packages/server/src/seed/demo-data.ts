import type { PartnerTier, Role, WorkingHours } from '../db/schema.js';
import type { Locale } from '../i18n/locales.js';

/** Fixed passwords of the demo logins, printed when the service starts on demo data. */
export const DEMO_PASSWORDS: Record<Role, string> = {
  admin: 'hourglass-admin',
  manager: 'hourglass-manager',
  agent: 'hourglass-agent',
  customer: 'hourglass-customer',
};

export const DEMO_PROVIDER = { name: 'Hourglass Demo Support', slug: 'demo' };

const weekdays = (from: string, to: string): WorkingHours => ({
  mon: [{ from, to }], tue: [{ from, to }], wed: [{ from, to }], thu: [{ from, to }], fri: [{ from, to }],
});

export interface DemoStaff {
  key: string;
  name: string;
  email: string;
  role: Exclude<Role, 'customer'>;
  zone: string;
  languages: string[];
  /** The language of the person's pages and emails (unset: not chosen). */
  locale?: Locale;
  hours: WorkingHours | null;
  managerKey?: string;
  /** Where the phone line connects callers (fictional 555-01xx numbers). */
  phone?: string;
}

export const DEMO_STAFF: DemoStaff[] = [
  { key: 'admin', name: 'Morgan Reyes', email: 'admin@hourglass.example', role: 'admin', zone: 'UTC', languages: ['en'], hours: null },
  { key: 'manager', name: 'Sam Okonkwo', email: 'manager@hourglass.example', role: 'manager', zone: 'Europe/London', languages: ['en'], hours: weekdays('08:00', '17:00') },
  { key: 'tam_west', name: 'Jordan Blake', email: 'jordan.blake@hourglass.example', role: 'agent', zone: 'America/Los_Angeles', languages: ['en'], hours: weekdays('06:00', '15:00'), managerKey: 'manager', phone: '+12065550101' },
  { key: 'tam_emea', name: 'Lena Vogt', email: 'lena.vogt@hourglass.example', role: 'agent', zone: 'Europe/Berlin', languages: ['en', 'de'], hours: weekdays('09:00', '18:00'), managerKey: 'manager', phone: '+12065550102' },
  { key: 'latam', name: 'Rafaela Duarte', email: 'rafaela.duarte@hourglass.example', role: 'agent', zone: 'America/Sao_Paulo', languages: ['en', 'pt-BR', 'es'], locale: 'pt-BR', hours: weekdays('09:00', '18:00'), managerKey: 'manager', phone: '+12065550103' },
  { key: 'emea_ru', name: 'Irina Sokolova', email: 'irina.sokolova@hourglass.example', role: 'agent', zone: 'Europe/Berlin', languages: ['en', 'ru', 'de'], locale: 'de', hours: weekdays('08:00', '16:00'), managerKey: 'manager', phone: '+12065550104' },
  { key: 'india', name: 'Arjun Mehta', email: 'arjun.mehta@hourglass.example', role: 'agent', zone: 'Asia/Kolkata', languages: ['en', 'hi'], hours: { ...weekdays('08:00', '17:00'), sat: [{ from: '10:00', to: '14:00' }] }, managerKey: 'manager', phone: '+12065550105' },
  { key: 'sun_apac', name: 'Mei Arakawa', email: 'mei.arakawa@hourglass.example', role: 'agent', zone: 'Asia/Tokyo', languages: ['en', 'ja'], hours: weekdays('08:00', '16:00'), managerKey: 'manager', phone: '+12065550106' },
  { key: 'sun_emea', name: 'Tom Ashdown', email: 'tom.ashdown@hourglass.example', role: 'agent', zone: 'Europe/London', languages: ['en'], hours: weekdays('08:00', '16:00'), managerKey: 'manager', phone: '+12065550107' },
  { key: 'sun_amer', name: 'Alex Moreno', email: 'alex.moreno@hourglass.example', role: 'agent', zone: 'America/New_York', languages: ['en', 'es'], hours: weekdays('10:00', '18:00'), managerKey: 'manager', phone: '+12065550108' },
];

export interface DemoTeam {
  key: string;
  name: string;
  description: string;
  followTheSun: boolean;
  memberKeys: string[];
  phone?: string;
}

export const DEMO_TEAMS: DemoTeam[] = [
  { key: 'tams', name: 'Technical Account Managers', description: 'Named engineers for personalized accounts.', followTheSun: false, memberKeys: ['tam_west', 'tam_emea'] },
  { key: 'sun', name: 'Follow the Sun 24x7', description: 'Round-the-clock engineers across Asia, Europe and the Americas.', followTheSun: true, memberKeys: ['sun_apac', 'sun_emea', 'sun_amer'], phone: '+12065550199' },
  { key: 'emea', name: 'EMEA Support', description: 'Business-hours support in English, German, Portuguese, Spanish and Russian.', followTheSun: false, memberKeys: ['tam_emea', 'latam', 'emea_ru'] },
  { key: 'india', name: 'India Support', description: 'Support from Bengaluru, every day.', followTheSun: false, memberKeys: ['india'] },
];

export interface DemoAccount {
  key: string;
  name: string;
  packId: string;
  plan: string;
  partnerTier: PartnerTier | null;
  languages: string[];
  phonePin: string | null;
  primaryManagerKey?: string;
  secondaryManagerKey?: string;
  growthManagerKey?: string;
  /** The team that takes the account's tickets (language routing). */
  teamKey?: string;
  emailDeliverability: boolean;
  customer: { name: string; email: string; zone: string; languages: string[]; locale?: Locale };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { key: 'twilio_free', name: 'Pebble Hobby Labs', packId: 'twilio', plan: 'free', partnerTier: null, languages: ['en'], phonePin: null, emailDeliverability: false, customer: { name: 'Casey Finch', email: 'casey@pebble-hobby.example', zone: 'America/Chicago', languages: ['en'] } },
  { key: 'twilio_bootstrap', name: 'Bluefin Apps', packId: 'twilio', plan: 'bootstrap', partnerTier: null, languages: ['en'], phonePin: null, emailDeliverability: false, customer: { name: 'Riley Marsh', email: 'riley@bluefin-apps.example', zone: 'America/Denver', languages: ['en'] } },
  { key: 'twilio_premium', name: 'Cobalt Freight', packId: 'twilio', plan: 'premium', partnerTier: null, languages: ['en'], phonePin: null, teamKey: 'sun', emailDeliverability: false, customer: { name: 'Dana Whitlock', email: 'dana@cobalt-freight.example', zone: 'America/New_York', languages: ['en'] } },
  { key: 'twilio_personalized', name: 'Dunmore Savings Bank', packId: 'twilio', plan: 'personalized', partnerTier: null, languages: ['en'], phonePin: '482913', primaryManagerKey: 'tam_west', secondaryManagerKey: 'tam_emea', emailDeliverability: true, customer: { name: 'Evan Holloway', email: 'evan@dunmore-bank.example', zone: 'America/Los_Angeles', languages: ['en'] } },
  { key: 'dialog_standard', name: 'Elmtree Retail', packId: '360dialog', plan: 'standard', partnerTier: 'silver', languages: ['en', 'de'], phonePin: null, teamKey: 'emea', emailDeliverability: false, customer: { name: 'Frieda Lang', email: 'frieda@elmtree-retail.example', zone: 'Europe/Berlin', languages: ['de', 'en'], locale: 'de' } },
  { key: 'dialog_premium', name: 'Fjordline Travel', packId: '360dialog', plan: 'premium', partnerTier: 'gold', languages: ['en', 'pt-BR'], phonePin: null, growthManagerKey: 'latam', teamKey: 'emea', emailDeliverability: false, customer: { name: 'Gabriel Nunes', email: 'gabriel@fjordline-travel.example', zone: 'America/Sao_Paulo', languages: ['pt-BR', 'en'], locale: 'pt-BR' } },
  { key: 'dialog_platinum', name: 'Granite Telecom Partners', packId: '360dialog', plan: 'premium', partnerTier: 'platinum', languages: ['en', 'ru'], phonePin: null, growthManagerKey: 'emea_ru', teamKey: 'emea', emailDeliverability: false, customer: { name: 'Hanna Orlova', email: 'hanna@granite-telecom.example', zone: 'Europe/Berlin', languages: ['ru', 'en'], locale: 'ru' } },
  { key: 'exotel_enterprise', name: 'Harbour Mobility', packId: 'exotel', plan: 'enterprise', partnerTier: null, languages: ['en', 'hi'], phonePin: null, teamKey: 'india', emailDeliverability: false, customer: { name: 'Ishaan Kapoor', email: 'ishaan@harbour-mobility.example', zone: 'Asia/Kolkata', languages: ['en', 'hi'] } },
  { key: 'exotel_sme', name: 'Indigo Clinics', packId: 'exotel', plan: 'sme', partnerTier: null, languages: ['en'], phonePin: null, teamKey: 'india', emailDeliverability: false, customer: { name: 'Jaya Rao', email: 'jaya@indigo-clinics.example', zone: 'Asia/Kolkata', languages: ['en'] } },
];

/** Every demo account gets a production and a non-production project. */
export const DEMO_PROJECTS = [
  { name: 'Production', production: true },
  { name: 'Staging', production: false },
];
