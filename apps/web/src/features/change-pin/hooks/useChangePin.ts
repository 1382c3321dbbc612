import { type ChangePinRequest } from '@atm/contracts';
import { useMutation } from '@tanstack/react-query';
import { authApi } from '../../auth';

export function useChangePin() {
  return useMutation({ mutationFn: (body: ChangePinRequest) => authApi.changePin(body) });
}
