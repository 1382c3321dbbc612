export * from './account-number';
export * from './api-types';
export * from './error-codes';
export * from './limits';
export * from './languages';
export * from './admin-api-types';
