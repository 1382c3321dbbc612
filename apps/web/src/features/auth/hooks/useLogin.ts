import { type LoginRequest } from '@atm/contracts';
import { useMutation } from '@tanstack/react-query';
import { authApi } from '../api/auth-api';

export function useLogin() {
  return useMutation({ mutationFn: (body: LoginRequest) => authApi.login(body) });
}
