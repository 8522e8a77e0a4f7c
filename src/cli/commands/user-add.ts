import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { PacteError } from '../../domain/errors.js';
import { ROLES, operator, type Role } from '../../domain/permissions.js';
import { addUser } from '../../services/add-user.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte user add --email E [--name NAME] --role R [--country ISO3] [--region ID] [--entity ID] --password-stdin`: the
 * password comes on standard input, never on the command line (where `ps` and shell history
 * would show it).
 */
export async function userAdd(
  config: Config,
  options: {
    email: string;
    name?: string | undefined;
    role: string;
    country?: string | undefined;
    region?: string | undefined;
    entity?: string | undefined;
    passwordStdin: boolean;
  },
): Promise<number> {
  const t = cliTexts(config.language);
  if (!options.passwordStdin) throw new PacteError('cli.usage', { problem: t('usage.password_stdin') });
  if (!(ROLES as readonly string[]).includes(options.role)) {
    throw new PacteError('user.invalid_role', { role: options.role, needs: ROLES.join(', ') });
  }
  const entity = options.entity === undefined ? undefined : Number(options.entity);
  if (entity !== undefined && !(Number.isSafeInteger(entity) && entity > 0)) {
    throw new PacteError('cli.usage', { problem: t('usage.entity_id', { entity: options.entity }) });
  }
  const password = (await readStdin()).replace(/\r?\n$/u, '');
  return withStorage(config, 'pacte user add', async ({ db }) => {
    const { created } = await addUser(db, operator(userInfo().username), {
      email: options.email,
      name: options.name,
      password,
      grant: { role: options.role as Role, country: options.country, region: options.region, entity },
    });
    // The role and the place as given on the command line (identifiers), then the entity.
    const grant = [
      options.role,
      options.country ?? options.region,
      entity === undefined ? '' : t('user.entity', { entity }),
    ]
      .filter(Boolean)
      .join(' ');
    process.stdout.write(`${t('user.saved', { created, email: options.email, grant })}\n`);
    return 0;
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
