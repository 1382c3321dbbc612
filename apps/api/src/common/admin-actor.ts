/** Who did an administrative act, as the audit trail records it (an admin user or the CLI). */
export interface AdminActor {
  actor: string;
  /** Where the act came from, over the admin API; the CLI runs on the host and has none. */
  clientIp?: string | undefined;
}
