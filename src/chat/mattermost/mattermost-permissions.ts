import { z } from 'zod';
import type { Logger } from '../../core/ports.js';
import type { MattermostClient } from './mattermost-client.js';

/** The bot's account as `/users/me` gives it: its id and its space-separated system roles. */
export const MeSchema = z.looseObject({ id: z.string().min(1), roles: z.string().default('') });

const RolesSchema = z.array(z.looseObject({ permissions: z.array(z.string()).default([]) }));

/**
 * The system permission a bot lacks by default that Cohorte uses: `POST /posts/ephemeral` needs it
 * (`api4/post.go`), and only `system_admin` holds it by default (`public/model/role.go`).
 */
export const EPHEMERAL_PERMISSION = 'create_post_ephemeral';

/**
 * Whether the bot's system roles grant {@link EPHEMERAL_PERMISSION}, read from the roles themselves
 * (`POST /roles/names`, open to any session), so a permission scheme that grants it to everyone counts. When it is
 * missing, one warning line says what changes; undefined when the roles could not be read (the bot then tries).
 */
export async function mayPostEphemeral(
  client: MattermostClient,
  roles: string,
  log: Logger,
): Promise<boolean | undefined> {
  const names = roles.split(' ').filter(Boolean);
  const granted = await client.post('/roles/names', names, RolesSchema).then(
    (found) => found.some((role) => role.permissions.includes(EPHEMERAL_PERMISSION)),
    (error: unknown) => {
      log.warn({ err: error }, 'could not read the mattermost bot’s permissions');
      return undefined;
    },
  );
  if (granted === false) {
    log.warn(
      { missing: [EPHEMERAL_PERMISSION], roles },
      `mattermost bot lacks ${EPHEMERAL_PERMISSION} (System Admin role): replies to dialogs, and replies to ` +
        'buttons that carry buttons or come late, go to the person’s DM instead of showing in the channel',
    );
  }
  return granted;
}
