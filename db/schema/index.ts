export * from './core';
export * from './auth';
export * from './audit';
export * from './mail';
export * from './email-tokens';
export * from './api-keys';
export * from './billing';
export * from './organizations';
