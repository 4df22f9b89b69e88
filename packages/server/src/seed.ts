export async function seedDemoData(_: unknown): Promise<{created: boolean; password: string; logins: {role: string; email: string; organization: string}[]} | null> { return null; }
