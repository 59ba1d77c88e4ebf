/**
 * Vocabulary for sample customers: the kinds of names, places and products a carrier's
 * customer list is full of. Every domain is under .example and every mobile number is
 * in a range reserved for fiction, so a test email or SMS to sample data reaches nobody.
 */

export const NAME_STEMS = [
  'Nordic', 'Atlas', 'BlueWave', 'Apex', 'Meridian', 'Polar', 'Crimson', 'Silverline', 'Vertex', 'Horizon',
  'Summit', 'Orbit', 'Quantum', 'Pinnacle', 'Evergreen', 'Redwood', 'Falcon', 'Harbor', 'Keystone', 'Lighthouse',
  'Northstar', 'Oakridge', 'Pacific', 'Coastal', 'Granite', 'Skyline', 'Sterling', 'Titan', 'Unity', 'Velocity',
  'Zenith', 'Aurora', 'Beacon', 'Cobalt', 'Delta', 'Echo', 'Fusion', 'Gemini', 'Helix', 'Iris',
  'Jade', 'Kestrel', 'Lumen', 'Magellan', 'Nimbus', 'Onyx', 'Prism', 'Radiant', 'Sapphire', 'Tidal',
  'Ultra', 'Vantage', 'Westgate', 'Xenon', 'Yellowstone', 'Zephyr', 'Amber', 'Baltic', 'Celtic', 'Danube',
  'Alpine', 'Borealis', 'Cascade', 'Dynamo', 'Emerald', 'Frontier', 'Global', 'Highland', 'Infinity', 'Lakeside',
] as const;

export const NAME_CORES = [
  'Voice', 'Telecom', 'Communications', 'Networks', 'Connect', 'Telco', 'Carrier Services', 'Link', 'Telephony',
  'VoIP', 'Call Solutions', 'Comms', 'Signal', 'Digital', 'Tel', 'Wholesale Voice', 'Interconnect', 'Contact Centres',
  'Mobile', 'Cloud Voice', 'Transit', 'Dialog', 'Fibre', 'Routes', 'SIP Services',
] as const;

export interface CountryProfile {
  code: string;
  /** Relative share of customers from this country. */
  weight: number;
  currency: string;
  /** Legal-form suffixes as companies there write them. */
  legalForms: readonly string[];
  cities: readonly string[];
}

export const COUNTRIES: readonly CountryProfile[] = [
  { code: 'US', weight: 22, currency: 'USD', legalForms: ['Inc', 'LLC', 'Corp'], cities: ['Dallas', 'Miami', 'Chicago', 'Atlanta', 'Seattle', 'Denver', 'Phoenix', 'Boston'] },
  { code: 'GB', weight: 16, currency: 'GBP', legalForms: ['Ltd', 'PLC'], cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Glasgow', 'Birmingham', 'Cardiff'] },
  { code: 'DE', weight: 8, currency: 'EUR', legalForms: ['GmbH', 'AG'], cities: ['Berlin', 'Hamburg', 'Munich', 'Frankfurt', 'Cologne', 'Leipzig'] },
  { code: 'NL', weight: 5, currency: 'EUR', legalForms: ['B.V.'], cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven'] },
  { code: 'FR', weight: 5, currency: 'EUR', legalForms: ['SAS', 'SARL'], cities: ['Paris', 'Lyon', 'Marseille', 'Lille', 'Toulouse'] },
  { code: 'ES', weight: 4, currency: 'EUR', legalForms: ['S.L.', 'S.A.'], cities: ['Madrid', 'Barcelona', 'Valencia', 'Seville'] },
  { code: 'IT', weight: 3, currency: 'EUR', legalForms: ['S.r.l.', 'S.p.A.'], cities: ['Milan', 'Rome', 'Turin', 'Bologna'] },
  { code: 'IE', weight: 3, currency: 'EUR', legalForms: ['Ltd', 'DAC'], cities: ['Dublin', 'Cork', 'Galway'] },
  { code: 'SE', weight: 3, currency: 'SEK', legalForms: ['AB'], cities: ['Stockholm', 'Gothenburg', 'Malmo', 'Uppsala'] },
  { code: 'NO', weight: 2, currency: 'NOK', legalForms: ['AS'], cities: ['Oslo', 'Bergen', 'Trondheim'] },
  { code: 'DK', weight: 2, currency: 'DKK', legalForms: ['ApS', 'A/S'], cities: ['Copenhagen', 'Aarhus', 'Odense'] },
  { code: 'FI', weight: 1, currency: 'EUR', legalForms: ['Oy'], cities: ['Helsinki', 'Espoo', 'Tampere'] },
  { code: 'CH', weight: 2, currency: 'CHF', legalForms: ['AG', 'SA', 'GmbH'], cities: ['Zurich', 'Geneva', 'Basel'] },
  { code: 'PL', weight: 2, currency: 'PLN', legalForms: ['Sp. z o.o.'], cities: ['Warsaw', 'Krakow', 'Wroclaw'] },
  { code: 'CA', weight: 4, currency: 'CAD', legalForms: ['Inc', 'Ltd'], cities: ['Toronto', 'Montreal', 'Vancouver', 'Calgary', 'Ottawa'] },
  { code: 'AU', weight: 4, currency: 'AUD', legalForms: ['Pty Ltd'], cities: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide'] },
  { code: 'ZA', weight: 3, currency: 'ZAR', legalForms: ['(Pty) Ltd'], cities: ['Johannesburg', 'Cape Town', 'Durban', 'Pretoria'] },
  { code: 'IN', weight: 3, currency: 'INR', legalForms: ['Pvt Ltd'], cities: ['Mumbai', 'Bengaluru', 'Delhi', 'Chennai', 'Pune', 'Hyderabad'] },
  { code: 'BR', weight: 2, currency: 'BRL', legalForms: ['Ltda'], cities: ['Sao Paulo', 'Rio', 'Curitiba', 'Recife'] },
  { code: 'MX', weight: 1, currency: 'MXN', legalForms: ['S.A. de C.V.'], cities: ['Mexico City', 'Monterrey', 'Guadalajara'] },
  { code: 'AE', weight: 2, currency: 'AED', legalForms: ['FZ-LLC', 'LLC'], cities: ['Dubai', 'Abu Dhabi', 'Sharjah'] },
  { code: 'SG', weight: 1, currency: 'SGD', legalForms: ['Pte Ltd'], cities: ['Singapore', 'Jurong', 'Tampines'] },
  { code: 'HK', weight: 1, currency: 'HKD', legalForms: ['Limited'], cities: ['Kowloon', 'Wan Chai', 'Central'] },
  { code: 'PH', weight: 1, currency: 'PHP', legalForms: ['Inc'], cities: ['Manila', 'Cebu', 'Makati'] },
  { code: 'NG', weight: 1, currency: 'NGN', legalForms: ['Ltd'], cities: ['Lagos', 'Abuja'] },
  { code: 'KE', weight: 1, currency: 'KES', legalForms: ['Ltd'], cities: ['Nairobi', 'Mombasa'] },
];

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Maria', 'Nils',
  'Olivia', 'Pedro', 'Qing', 'Rosa', 'Sven', 'Thandi', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Aisha', 'Bruno',
  'Chloe', 'Dmitri', 'Emma', 'Felix', 'Giulia', 'Hannah', 'Ivan', 'Julia', 'Karim', 'Lena', 'Mateo', 'Nora',
] as const;

export const LAST_NAMES = [
  'Andersson', 'Brown', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jensen', 'Kumar',
  'Lopez', 'Martin', 'Nakamura', 'OBrien', 'Patel', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Virtanen',
  'Walsh', 'Xu', 'Young', 'Zimmermann', 'Okafor', 'Nguyen', 'Silva', 'Kowalski', 'Mensah', 'Haddad', 'Reyes', 'Novak',
] as const;

export const ACCOUNT_MANAGERS = [
  'Sarah Mitchell', 'James Okoro', 'Priya Raman', 'Lukas Weber', 'Chen Li', 'Marta Nowak', 'Tom Gallagher', 'Aylin Demir',
] as const;

export const RATE_CARDS = [
  'Premium A-Z', 'Standard CLI', 'Wholesale NCLI', 'Retail Europe', 'Mobile Termination', 'US Domestic',
  'UK Geographic', 'Call Centre Outbound', 'Toll-Free Origination', 'Asia Premium', 'Africa Direct', 'LatAm Standard',
] as const;

export const TECH_PREFIXES = ['', '', '', '1001#', '1002#', '2001#', '3000#', '9001', '7788#', '4455*', '+99'] as const;

export const TAGS = ['wholesale', 'retail', 'call-centre', 'vip', 'sms', 'mobile', 'cli', 'ncli', 'trial', 'reseller'] as const;

/** North American area codes; with the 555-01xx line numbers reserved for fiction. */
export const NANP_AREA_CODES = ['202', '212', '305', '312', '404', '415', '512', '617', '702', '713', '416', '604', '514'] as const;

/** The three IPv4 blocks reserved for documentation (RFC 5737), as their first three octets. */
export const DOCUMENTATION_NETS = ['192.0.2', '198.51.100', '203.0.113'] as const;
