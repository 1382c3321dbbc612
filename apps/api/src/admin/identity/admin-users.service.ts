import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import {
  ADMIN_PASSWORD_MIN_LENGTH,
  ADMIN_ROLES,
  ADMIN_USERNAME_PATTERN,
  type AdminRole,
} from '@atm/contracts';
import { AuditService } from '../../audit';
import {
  type AdminActor,
  Clock,
  DomainError,
  isUniqueViolation,
  validationFailed,
} from '../../common';
import { type Queryable, execute, inTransaction, queryRows } from '../../database';
import { AdminCredentials } from './admin-credentials';
import { AdminSessionsService } from './admin-sessions.service';
import { enrollmentUri, newTotpSecret } from './totp';

/** The demo admin of the contract: outside production only, loopback only, no TOTP. */
export const DEMO_ADMIN = {
  username: 'admin',
  password: 'demo-admin-password',
  role: 'ADMIN',
} as const;

/** Longer passwords are refused before hashing, so a huge one cannot tie up argon2. */
const ADMIN_PASSWORD_MAX_LENGTH = 1024;

/**
 * Each credential's reset: the statement that stores the new one ($1 the user's id, $2 the
 * password hash or sealed secret, $3 now) and the audit event it leaves.
 */
const CREDENTIAL_RESETS = {
  PASSWORD: {
    sql: `UPDATE admin_users SET password_hash = $2, updated_at = $3 WHERE id = $1`,
    auditType: 'ADMIN_USER_PASSWORD_RESET',
  },
  TOTP: {
    sql: `UPDATE admin_users SET totp_secret_encrypted = $2, totp_last_step = NULL, updated_at = $3 WHERE id = $1`,
    auditType: 'ADMIN_USER_TOTP_RESET',
  },
} as const;

export interface AdminUserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: AdminRole;
  disabled: boolean;
  totpSecretSealed: string | null;
  totpLastStep: number | null;
  isDemo: boolean;
}

export interface AdminUserListing {
  username: string;
  role: AdminRole;
  disabled: boolean;
  totpEnrolled: boolean;
  createdAt: string;
}

interface AdminUserRow {
  id: string;
  username: string;
  password_hash: string;
  role: AdminRole;
  disabled: boolean;
  totp_secret_encrypted: string | null;
  totp_last_step: string | null;
  is_demo: boolean;
}

export function assertAdminUsername(username: string): void {
  if (!ADMIN_USERNAME_PATTERN.test(username)) {
    throw validationFailed([
      { field: 'username', message: 'must be 3 to 32 characters of a-z 0-9 . _ -' },
    ]);
  }
}

export function assertAdminRole(role: string): asserts role is AdminRole {
  if (!(ADMIN_ROLES as readonly string[]).includes(role)) {
    throw validationFailed([
      { field: 'role', message: `must be one of ${ADMIN_ROLES.join(', ')}` },
    ]);
  }
}

export function assertAdminPassword(password: string): void {
  if (password.length < ADMIN_PASSWORD_MIN_LENGTH || password.length > ADMIN_PASSWORD_MAX_LENGTH) {
    throw validationFailed([
      {
        field: 'password',
        message: `must be ${ADMIN_PASSWORD_MIN_LENGTH} to ${ADMIN_PASSWORD_MAX_LENGTH} characters`,
      },
    ]);
  }
}

function toRecord(row: AdminUserRow): AdminUserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    disabled: row.disabled,
    totpSecretSealed: row.totp_secret_encrypted,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    isDemo: row.is_demo,
  };
}

/**
 * Administrator identities (the `admin-user` CLI's back end): created with a password and a
 * TOTP secret, disabled, re-enabled, unlocked, given another role or new credentials. The
 * last active ADMIN can be neither disabled nor demoted, so the console always has one.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credentials: AdminCredentials,
    private readonly sessions: AdminSessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async findByUsername(
    username: string,
    db: Queryable = this.dataSource,
  ): Promise<AdminUserRecord | undefined> {
    const [row] = await queryRows<AdminUserRow>(
      db,
      `SELECT id, username, password_hash, role, disabled, totp_secret_encrypted, totp_last_step, is_demo
         FROM admin_users WHERE username = $1`,
      [username],
    );
    return row ? toRecord(row) : undefined;
  }

  /** Answers the enrollment URI, which the caller shows once (it holds the TOTP secret). */
  async create(
    input: { username: string; role: string; password: string },
    actor: AdminActor,
  ): Promise<{ username: string; role: AdminRole; enrollmentUri: string }> {
    assertAdminUsername(input.username);
    assertAdminRole(input.role);
    assertAdminPassword(input.password);
    const role = input.role;
    const passwordHash = await this.credentials.passwords.hash(input.password);
    const secret = newTotpSecret();
    await inTransaction(this.dataSource, async (db) => {
      try {
        await db.query(
          `INSERT INTO admin_users (username, password_hash, role, totp_secret_encrypted, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $5)`,
          [
            input.username,
            passwordHash,
            role,
            this.credentials.totpSecrets.seal(secret),
            this.clock.now(),
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DomainError(
            'VALIDATION_FAILED',
            `Admin user ${input.username} already exists`,
            {
              errors: [{ field: 'username', message: 'is taken' }],
            },
          );
        throw error;
      }
      await this.record('ADMIN_USER_CREATED', input.username, actor, db, { role });
    });
    return { username: input.username, role, enrollmentUri: enrollmentUri(secret, input.username) };
  }

  /**
   * The demo admin, outside production only (the caller decides): added when missing, also
   * to a database seeded before admins existed. Answers whether it was created.
   */
  async ensureDemoAdmin(actor: AdminActor): Promise<boolean> {
    if (await this.findByUsername(DEMO_ADMIN.username)) return false;
    const passwordHash = await this.credentials.passwords.hash(DEMO_ADMIN.password);
    return inTransaction(this.dataSource, async (db) => {
      // RETURNING: an INSERT's affected count does not come back through TypeORM's query().
      const created = await queryRows<{ id: string }>(
        db,
        `INSERT INTO admin_users (username, password_hash, role, is_demo, created_at, updated_at)
         VALUES ($1, $2, $3, true, $4, $4) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [DEMO_ADMIN.username, passwordHash, DEMO_ADMIN.role, this.clock.now()],
      );
      if (created.length > 0)
        await this.record('ADMIN_USER_CREATED', DEMO_ADMIN.username, actor, db, {
          role: DEMO_ADMIN.role,
          demo: true,
        });
      return created.length > 0;
    });
  }

  async setDisabled(
    username: string,
    disabled: boolean,
    actor: AdminActor,
  ): Promise<{ username: string; disabled: boolean }> {
    assertAdminUsername(username);
    return this.changeUser(username, async (user, db) => {
      if (user.disabled === disabled)
        throw new DomainError(
          'VALIDATION_FAILED',
          `Admin user ${username} is already ${disabled ? 'disabled' : 'enabled'}`,
        );
      if (disabled) await this.assertNotLastActiveAdmin(db, user);
      await execute(db, `UPDATE admin_users SET disabled = $2, updated_at = $3 WHERE id = $1`, [
        user.id,
        disabled,
        this.clock.now(),
      ]);
      if (disabled) await this.sessions.endAllForUser(user.id, 'DISABLED', db);
      await this.record(
        disabled ? 'ADMIN_USER_DISABLED' : 'ADMIN_USER_ENABLED',
        username,
        actor,
        db,
      );
      return { username, disabled };
    });
  }

  async setRole(
    username: string,
    role: string,
    actor: AdminActor,
  ): Promise<{ username: string; role: AdminRole }> {
    assertAdminUsername(username);
    assertAdminRole(role);
    return this.changeUser(username, async (user, db) => {
      if (role !== 'ADMIN') await this.assertNotLastActiveAdmin(db, user);
      await execute(db, `UPDATE admin_users SET role = $2, updated_at = $3 WHERE id = $1`, [
        user.id,
        role,
        this.clock.now(),
      ]);
      await this.record('ADMIN_USER_ROLE_CHANGED', username, actor, db, {
        from: user.role,
        to: role,
      });
      return { username, role };
    });
  }

  /** Clears the sign-in lockout of this user name, from every client address. */
  async unlock(
    username: string,
    actor: AdminActor,
  ): Promise<{ username: string; cleared: number }> {
    assertAdminUsername(username);
    return this.changeUser(username, async (_user, db) => {
      const cleared = await execute(db, `DELETE FROM admin_login_attempts WHERE username = $1`, [
        username,
      ]);
      await this.record('ADMIN_USER_UNLOCKED', username, actor, db, { addresses: cleared });
      return { username, cleared };
    });
  }

  async resetPassword(
    username: string,
    password: string,
    actor: AdminActor,
  ): Promise<{ username: string; sessionsEnded: number }> {
    assertAdminUsername(username);
    assertAdminPassword(password);
    const passwordHash = await this.credentials.passwords.hash(password);
    const sessionsEnded = await this.replaceCredential(username, 'PASSWORD', passwordHash, actor);
    return { username, sessionsEnded };
  }

  /** A new TOTP secret (the old codes stop working); answers the new enrollment URI once. */
  async resetTotp(
    username: string,
    actor: AdminActor,
  ): Promise<{ username: string; enrollmentUri: string }> {
    assertAdminUsername(username);
    const secret = newTotpSecret();
    await this.replaceCredential(
      username,
      'TOTP',
      this.credentials.totpSecrets.seal(secret),
      actor,
    );
    return { username, enrollmentUri: enrollmentUri(secret, username) };
  }

  async list(): Promise<AdminUserListing[]> {
    const rows = await queryRows<{
      username: string;
      role: AdminRole;
      disabled: boolean;
      totp: boolean;
      created_at: string | Date;
    }>(
      this.dataSource,
      `SELECT username, role, disabled, totp_secret_encrypted IS NOT NULL AS totp, created_at
         FROM admin_users ORDER BY username`,
    );
    return rows.map((r) => ({
      username: r.username,
      role: r.role,
      disabled: r.disabled,
      totpEnrolled: r.totp,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  /**
   * Records that `step` was used, only if it is newer than the last one: of two sign-ins with
   * the same code at once, one wins and the other is refused.
   */
  async claimTotpStep(adminUserId: string, step: number): Promise<boolean> {
    const claimed = await execute(
      this.dataSource,
      `UPDATE admin_users SET totp_last_step = $2
        WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [adminUserId, step],
    );
    return claimed > 0;
  }

  /**
   * A new password hash or sealed TOTP secret: every session of the user ends (as
   * PASSWORD_RESET, for either) and the reset is audited. Answers how many sessions ended.
   */
  private replaceCredential(
    username: string,
    credential: keyof typeof CREDENTIAL_RESETS,
    value: string,
    actor: AdminActor,
  ): Promise<number> {
    const { sql, auditType } = CREDENTIAL_RESETS[credential];
    return this.changeUser(username, async (user, db) => {
      await execute(db, sql, [user.id, value, this.clock.now()]);
      const sessionsEnded = await this.sessions.endAllForUser(user.id, 'PASSWORD_RESET', db);
      await this.record(auditType, username, actor, db);
      return sessionsEnded;
    });
  }

  /** An administrator's change to one admin user, in a transaction that holds the user's row. */
  private changeUser<T>(
    username: string,
    change: (user: AdminUserRecord, db: Queryable) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (db) =>
      change(await this.lockForChange(db, username), db),
    );
  }

  private async lockForChange(db: Queryable, username: string): Promise<AdminUserRecord> {
    const [row] = await queryRows<AdminUserRow>(
      db,
      `SELECT id, username, password_hash, role, disabled, totp_secret_encrypted, totp_last_step, is_demo
         FROM admin_users WHERE username = $1 FOR UPDATE`,
      [username],
    );
    if (!row) throw new DomainError('NOT_FOUND', `No admin user is named ${username}`);
    return toRecord(row);
  }

  /** Locks every active ADMIN (in id order), so two demotions at once cannot both pass. */
  private async assertNotLastActiveAdmin(db: Queryable, user: AdminUserRecord): Promise<void> {
    if (user.role !== 'ADMIN' || user.disabled) return;
    const admins = await queryRows<{ id: string }>(
      db,
      `SELECT id FROM admin_users WHERE role = 'ADMIN' AND NOT disabled ORDER BY id FOR UPDATE`,
    );
    if (admins.filter((a) => a.id !== user.id).length === 0) {
      throw new DomainError(
        'FORBIDDEN',
        `${user.username} is the last active ADMIN: create or enable another ADMIN first`,
      );
    }
  }

  private record(
    type: string,
    username: string,
    actor: AdminActor,
    db: Queryable,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return this.audit.recordAdminAction(type, actor, { details: { username, ...details } }, db);
  }
}
