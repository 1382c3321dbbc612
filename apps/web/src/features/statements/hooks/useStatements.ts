import { type Statement, type StatementRequest } from '@atm/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { saveBlob } from '../../../shared/api/save-blob';
import { statementsApi } from '../api/statements-api';

export const STATEMENT_POLL_MS = 1000;

export function useCreateStatement() {
  return useMutation({
    mutationFn: async ({ accountId, range }: { accountId: string; range: StatementRequest }) =>
      (await statementsApi.create(accountId, range)).statement,
  });
}

function finished(statement: Statement | undefined): boolean {
  return statement?.status === 'READY' || statement?.status === 'FAILED';
}

/** Polls GET /statements/:id until the PDF is made (or making it failed). */
export function useStatement(initial: Statement | null) {
  return useQuery({
    queryKey: ['statements', initial?.id],
    queryFn: async () => (await statementsApi.get(initial?.id ?? '')).statement,
    enabled: initial !== null,
    ...(initial ? { initialData: initial } : {}),
    refetchInterval: (query) => (finished(query.state.data) ? false : STATEMENT_POLL_MS),
  });
}

export function useDownloadStatement() {
  return useMutation({
    mutationFn: async (statement: Statement) => {
      const blob = await statementsApi.pdf(statement.id);
      await saveBlob(blob, `statement-${statement.from}-to-${statement.to}.pdf`);
    },
  });
}
