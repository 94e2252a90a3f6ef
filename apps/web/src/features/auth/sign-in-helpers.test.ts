import { describe, expect, it } from 'vitest';
import { nb } from '../../i18n/all';
import {
  changeAddressKey,
  groupedSecret,
  needsStrongAuth,
  oidcStartUrl,
  svgDataUri,
} from './sign-in-helpers';

describe('groupedSecret', () => {
  it('groups the key in fours', () => {
    expect(groupedSecret('OZUXG2LUOQWWIZLNN4WXI33UOAWWWZLZ')).toBe(
      'OZUX G2LU OQWW IZLN N4WX I33U OAWW WZLZ',
    );
    expect(groupedSecret('ABCDEF')).toBe('ABCD EF');
    expect(groupedSecret('ABCD')).toBe('ABCD');
  });
});

describe('svgDataUri', () => {
  it('escapes the SVG into an image address', () => {
    const uri = svgDataUri('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>');
    expect(uri.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
    expect(uri).not.toContain('<');
    expect(uri).not.toContain('"');
  });
});

describe('oidcStartUrl', () => {
  it('adds where to come back to, and link=1 when linking', () => {
    expect(oidcStartUrl('/api/v1/auth/oidc/staff/start', '/arbeidsflate?dag=2026-12-01')).toBe(
      '/api/v1/auth/oidc/staff/start?next=%2Farbeidsflate%3Fdag%3D2026-12-01',
    );
    expect(oidcStartUrl('/api/v1/auth/oidc/patient/start', '/timer/1', { link: true })).toBe(
      '/api/v1/auth/oidc/patient/start?next=%2Ftimer%2F1&link=1',
    );
  });
});

describe('needsStrongAuth', () => {
  const requires = { requiresStrongAuthForVideo: true };
  it('is for a patient signed in with a one-time code, at a clinic that requires it', () => {
    expect(needsStrongAuth({ strongAuth: false }, requires)).toBe(true);
    expect(needsStrongAuth({ strongAuth: true }, requires)).toBe(false);
    expect(needsStrongAuth({ strongAuth: false }, { requiresStrongAuthForVideo: false })).toBe(
      false,
    );
    expect(needsStrongAuth(null, requires)).toBe(false);
    expect(needsStrongAuth({ strongAuth: false }, undefined)).toBe(false);
  });
});

describe('changeAddressKey', () => {
  it('offers another number, not another address, when the code went to a phone', () => {
    expect(nb.auth[changeAddressKey('phone').split('.')[1] as 'changeNumber']).toBe(
      'Bruk et annet nummer',
    );
    expect(nb.auth[changeAddressKey('email').split('.')[1] as 'changeAddress']).toBe(
      'Bruk en annen adresse',
    );
  });
});
