/**
 * The business licence chosen on the registration form is sent right after the registration
 * succeeds: registering opens no session, so the new admin is signed in first (with the password
 * just typed), then the file goes up. Either step may fail; the registration stands regardless,
 * and the outcome says where to send the file again.
 */
import { errorMessage } from '../../shared/http';

export type LicenceOutcome =
  { status: 'none' } | { status: 'uploaded'; filename: string } | { status: 'failed'; filename: string; reason: string; signedIn: boolean };

/** Where a pending organisation's admin uploads the licence again (Home.tsx, the pending banner). */
export const LICENCE_RETRY_PLACE = '工作台首页「机构信息待审核」提示中的“上传营业执照”';

export async function sendLicenceAfterRegistration({
  file,
  organizationId,
  signIn,
  upload,
}: {
  file: File | null;
  organizationId: string;
  signIn: () => Promise<unknown>;
  upload: (organizationId: string, file: File) => Promise<{ filename: string }>;
}): Promise<LicenceOutcome> {
  if (!file) return { status: 'none' };
  try {
    await signIn();
  } catch (e) {
    return { status: 'failed', filename: file.name, reason: `自动登录失败（${errorMessage(e)}）`, signedIn: false };
  }
  try {
    const stored = await upload(organizationId, file);
    return { status: 'uploaded', filename: stored.filename };
  } catch (e) {
    return { status: 'failed', filename: file.name, reason: errorMessage(e), signedIn: true };
  }
}

/** What to tell the user after a failed licence upload: what failed and where to try again. */
export function licenceRetryText(outcome: Extract<LicenceOutcome, { status: 'failed' }>): string {
  const where = outcome.signedIn ? `请进入工作台，在${LICENCE_RETRY_PLACE}重新上传` : `请登录后在${LICENCE_RETRY_PLACE}重新上传`;
  return `注册已成功，但营业执照「${outcome.filename}」未能上传：${outcome.reason}。${where}；运营方审核时需要查看营业执照。`;
}
