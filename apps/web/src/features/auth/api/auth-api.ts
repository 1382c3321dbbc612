import {
  type ChangePinRequest,
  type KeepaliveResponse,
  type LoginRequest,
  type LoginResponse,
  type SessionResponse,
} from '@atm/contracts';
import { apiJson } from '../../../shared/api/http';

export const authApi = {
  login: (body: LoginRequest) =>
    apiJson<LoginResponse>('/auth/login', { method: 'POST', body, auth: false }),
  keepalive: () => apiJson<KeepaliveResponse>('/auth/keepalive', { method: 'POST' }),
  session: () => apiJson<SessionResponse>('/auth/session'),
  logout: () => apiJson<void>('/auth/logout', { method: 'POST' }),
  changePin: (body: ChangePinRequest) => apiJson<void>('/auth/pin', { method: 'POST', body }),
};
