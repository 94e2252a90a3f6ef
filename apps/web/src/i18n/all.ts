import type { Catalogue, Locale } from './catalogue';
import { en as enCore } from './en';
import { enStaff } from './en-staff';
import { nb as nbCore } from './nb';
import { nbStaff } from './nb-staff';
import { nn as nnCore } from './nn';
import { nnStaff } from './nn-staff';

// Whole catalogues (common and staff texts together), for tests that read every text. The app
// itself fetches the parts as pages need them (index.tsx).

export const nb: Catalogue = { ...nbCore, ...nbStaff };
export const nn: Catalogue = { ...nnCore, ...nnStaff };
export const en: Catalogue = { ...enCore, ...enStaff };
export const catalogues: Record<Locale, Catalogue> = { nb, nn, en };
