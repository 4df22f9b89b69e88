/** Sign-in, password and organisation registration: the part of /api/v1 this feature calls. */
import { get, post } from '../../shared/http';
import type { Session, Registration } from '../../shared/types';

export interface RegistrationInput {
  name: string;
  creditCode: string;
  kind: string;
  regionCode: string;
  address?: string;
  contactName: string;
  contactPhone: string;
  admin: { email: string; displayName: string; password: string };
}

export const authApi = {
  login: (email: string, password: string) => post<Session>('/auth/login', { email, password }),
  logout: () => post<void>('/auth/logout'),
  me: () => get<Session>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) => post<void>('/auth/password', { currentPassword, newPassword }),
  register: (input: RegistrationInput) => post<Registration>('/organizations/register', input),
};
