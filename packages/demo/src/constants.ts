/** Every demo account logs in with this password (it satisfies `passwordSchema`). */
export const DEMO_PASSWORD = 'Demo2026pass';

/** Demo e-mail domains end in `.example.cn` (RFC 2606 style: never a real mailbox). */
export const DEMO_EMAIL_SUFFIX = 'example.cn';
