// The auth feature's public surface: the session calls (sign out, change PIN) other
// features make. Other features import this file, never the folders behind it.
export { authApi } from './api/auth-api';
