/**
 * What the Mattermost server checks, as its Go source does it (mattermost/mattermost, `server/`), for the double:
 * roles and their permissions, the validation of commands and dialogs (Go's `len()` counts UTF-8 bytes), and the
 * @-mentions it resolves in a slash command's text.
 */

/** Go's `len()` of a string: its UTF-8 bytes. */
const bytes = (text: unknown): number => Buffer.byteLength(typeof text === 'string' ? text : '');

/**
 * Default permissions of the built-in system roles (`public/model/role.go`, `MakeDefaultRoles`): the ones the bot's
 * calls need. `system_admin` holds every permission; `create_post_ephemeral` is held by no other default role.
 */
const SYSTEM_USER = [
  'list_public_teams',
  'join_public_teams',
  'create_direct_channel',
  'create_group_channel',
  'view_members',
  'create_team',
];
const ROLE_PERMISSIONS: Record<string, readonly string[]> = {
  system_user: SYSTEM_USER,
  system_post_all: ['create_post', 'use_channel_mentions'],
  system_post_all_public: ['create_post_public', 'use_channel_mentions'],
  system_admin: [
    ...SYSTEM_USER,
    'create_post',
    'create_post_public',
    'create_post_ephemeral',
    'use_channel_mentions',
    'manage_own_slash_commands',
    'manage_others_slash_commands',
    'manage_system',
  ],
};

/** Default permissions of the team roles (`MakeDefaultRoles`) the double's calls need. */
const TEAM_ROLE_PERMISSIONS: Record<string, readonly string[]> = {
  team_user: ['list_team_channels', 'join_public_channels', 'read_public_channel', 'view_team'],
  team_admin: ['manage_own_slash_commands', 'manage_others_slash_commands', 'manage_team'],
};

/**
 * Whether system roles or team roles grant a team permission (`SessionHasPermissionToTeam`: the system roles
 * first, then the roles of the team membership).
 */
export const teamRolesGrant = (systemRoles: string, teamRoles: string, permission: string): boolean =>
  rolesGrant(systemRoles, permission) ||
  teamRoles.split(' ').some((role) => TEAM_ROLE_PERMISSIONS[role]?.includes(permission));

/** The role objects `POST /api/v4/roles/names` answers (`api4/role.go`: any session may read them). */
export const rolesNamed = (names: readonly string[]) =>
  names
    .filter((name) => ROLE_PERMISSIONS[name])
    .map((name) => ({ id: `role${name.replace(/_/g, '')}`, name, permissions: ROLE_PERMISSIONS[name] }));

/** Whether a session with these space-separated system roles has `permission` (`SessionHasPermissionTo`). */
export const rolesGrant = (roles: string, permission: string): boolean =>
  roles.split(' ').some((role) => ROLE_PERMISSIONS[role]?.includes(permission));

/** The id of the error `Command.IsValid` (`public/model/command.go`) answers, in its order, or undefined. */
export function commandProblem(command: Record<string, unknown>): string | undefined {
  const trigger = String(command.trigger ?? '');
  if (bytes(trigger) < 1 || bytes(trigger) > 128 || trigger.startsWith('/') || trigger.includes(' '))
    return 'model.command.is_valid.trigger.app_error';
  if (!command.url || bytes(command.url) > 1024) return 'model.command.is_valid.url.app_error';
  if (command.method !== 'P' && command.method !== 'G') return 'model.command.is_valid.method.app_error';
  if (bytes(command.display_name) > 64) return 'model.command.is_valid.display_name.app_error';
  if (bytes(command.description) > 128) return 'model.command.is_valid.description.app_error';
  return undefined;
}

/** Dialog limits of `public/model/integration_action.go`, all in bytes. */
const DIALOG = { title: 24, displayName: 24, name: 300, help: 150, text: 150, textarea: 3000, select: 3000 };

/**
 * What `Dialog.IsValid` (`public/model/integration_action.go`) finds wrong with a dialog, or undefined. The server
 * only logs it (`OpenInteractiveDialog`: "Interactive dialog is invalid") and opens the dialog anyway.
 */
export function dialogProblem(dialog: Record<string, unknown>): string | undefined {
  const title = dialog.title;
  if (!title || bytes(title) > DIALOG.title) return `invalid dialog title ${JSON.stringify(title)}`;
  const elements = Array.isArray(dialog.elements) ? (dialog.elements as Record<string, unknown>[]) : [];
  for (const e of elements) {
    const limits: [string, unknown, number][] = [
      ['DisplayName', e.display_name, DIALOG.displayName],
      ['Name', e.name, DIALOG.name],
      ['HelpText', e.help_text, DIALOG.help],
    ];
    const defaultMax = { text: DIALOG.text, textarea: DIALOG.textarea, select: DIALOG.select }[
      String(e.type)
    ];
    if (defaultMax)
      limits.push(['Default', e.default, defaultMax], ['Placeholder', e.placeholder, defaultMax]);
    for (const [field, value, max] of limits)
      if (bytes(value) > max) return `${String(e.name)}: ${field} longer than ${max} bytes (${bytes(value)})`;
  }
  return undefined;
}

/** `app/command.go` `possibleAtMentions`: `\B@[[:alnum:]][[:alnum:]\.\-_:]*`, ASCII classes, lower-cased. */
const AT_MENTION = /(?<![A-Za-z0-9_])@[A-Za-z0-9][A-Za-z0-9.\-_:]*/g;

/**
 * The `user_mentions` → `user_mentions_ids` pairs the server adds to a slash-command request (`app/command.go`
 * `MentionsToTeamMembers`): each @word lower-cased, looked up by username, and when unknown looked up again with
 * its trailing `.`, `-` or `_` stripped one at a time. The server builds a Go map, whose order is random: the pairs
 * come here in the reverse of the text's order, so nothing may depend on it.
 */
export function mentionsIn(
  text: string,
  users: readonly { id: string; username: string }[],
): [name: string, id: string][] {
  const names = [...new Set([...text.matchAll(AT_MENTION)].map((m) => m[0].slice(1).toLowerCase()))];
  const found = new Map<string, string>();
  for (const mention of names) {
    for (let name = mention; name; name = /[.\-_]$/.test(name) ? name.slice(0, -1) : '') {
      const user = users.find((u) => u.username === name);
      if (user) {
        found.set(name, user.id);
        break;
      }
    }
  }
  return [...found].reverse();
}
