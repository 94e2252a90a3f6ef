export * from './errors';
export * from './common';
export * from './auth';
export * from './clinics';
export * from './appointments';
export * from './dev';
export * from './video';
export * from './signaling';
