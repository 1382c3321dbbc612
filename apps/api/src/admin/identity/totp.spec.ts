import {
  enrollmentUri,
  matchTotpStep,
  newTotpSecret,
  totpCodeAt,
  totpStepAt,
  TotpSecretBox,
} from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const at = new Date('2026-11-30T10:00:10Z');

  it('matches the current step and one step either way, and nothing further', () => {
    const step = totpStepAt(at);
    expect(matchTotpStep(secret, totpCodeAt(secret, at), at)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at)).toBe(
      step - 1,
    );
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() + 30_000)), at)).toBe(
      step + 1,
    );
    expect(
      matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 90_000)), at),
    ).toBeNull();
  });

  it('refuses anything but six digits', () => {
    const code = totpCodeAt(secret, at);
    for (const bad of ['', code.slice(0, 1), ` ${code}`, `${code}0`, code.replace(/./, 'a')]) {
      expect(matchTotpStep(secret, bad, at)).toBeNull();
    }
  });

  it('RFC 6238 test vector (SHA-1, 59 s): 287082', () => {
    // The RFC's seed "12345678901234567890" in base32; the RFC prints 8 digits, 94287082.
    expect(totpCodeAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', new Date(59_000))).toBe('287082');
  });

  it('writes an otpauth:// URI with the contract parameters', () => {
    const uri = enrollmentUri(secret, 'alice.ops');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('algorithm=SHA1');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
  });

  it('seals secrets with AES-256-GCM: opens with the key, fails tampered or with another key', () => {
    const box = new TotpSecretBox('k'.repeat(40));
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret);
    expect(box.open(sealed)).toBe(secret);
    expect(() => new TotpSecretBox('x'.repeat(40)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });
});
