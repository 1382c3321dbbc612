/** Who did an administrative act, as the audit trail records it (an admin user or the CLI). */
export interface AdminActor {
  actor: string;
}
