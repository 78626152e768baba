import { blocksValid } from './slack-double-blocks.js';
import {
  BOT_ID,
  type DoubleState,
  fail,
  isFailure,
  type MethodArgs,
  type MethodHandler,
  type MethodResult,
  nextId,
  nextTs,
  post,
  type SlackDoubleFile,
  str,
  TEAM_ID,
} from './slack-double-methods.js';

// Slack's documented cap for a modal or a Home tab.
const MAX_VIEW_BLOCKS = 100;

function viewJson(
  state: DoubleState,
  id: string,
  view: Record<string, unknown>,
  extra: Record<string, unknown>,
) {
  return {
    id,
    team_id: TEAM_ID,
    state: { values: {} },
    hash: nextTs(state),
    private_metadata: '',
    callback_id: '',
    external_id: '',
    root_view_id: id,
    previous_view_id: null,
    app_id: 'A0001',
    bot_id: BOT_ID,
    ...view,
    ...extra,
  };
}

/** Validates a view argument: an object with a `type` and at most 100 blocks, each within Block Kit's limits. */
function checkView(args: MethodArgs): Record<string, unknown> | MethodResult {
  const view = args.view;
  if (typeof view !== 'object' || view === null || Array.isArray(view)) return fail('invalid_arguments');
  const record = view as Record<string, unknown>;
  if (typeof record.type !== 'string') return fail('invalid_arguments');
  if (Array.isArray(record.blocks) && (record.blocks.length > MAX_VIEW_BLOCKS || !blocksValid(record.blocks)))
    return fail('invalid_arguments');
  return record;
}

function openView(args: MethodArgs, state: DoubleState): MethodResult {
  const view = checkView(args);
  if (isFailure(view)) return view;
  const trigger = str(args, 'trigger_id') ?? '';
  // A trigger_id works once: a second views.open with it is how a double-submitted click shows up.
  if (state.usedTriggers.has(trigger)) return fail('exchanged_trigger_id');
  state.usedTriggers.add(trigger);
  const id = nextId(state, 'V');
  const stored = viewJson(state, id, view, {});
  state.views.set(id, stored);
  return { ok: true, view: stored };
}

/** Handlers for views.* and the two-step file upload (files.getUploadURLExternal, files.completeUploadExternal). */
export const VIEW_AND_FILE_HANDLERS: Record<string, MethodHandler> = {
  'views.open': openView,
  'views.push': openView,
  'views.publish': (args, state) => {
    const view = checkView(args);
    if (isFailure(view)) return view;
    const userId = str(args, 'user_id') ?? '';
    if (!state.users.has(userId)) return fail('user_not_found');
    const existing = [...state.views.values()].find((candidate) => candidate.user_id === userId);
    const id = typeof existing?.id === 'string' ? existing.id : nextId(state, 'V');
    const stored = viewJson(state, id, view, { user_id: userId });
    state.views.set(id, stored);
    return { ok: true, view: stored };
  },
  'views.update': (args, state) => {
    const view = checkView(args);
    if (isFailure(view)) return view;
    const viewId = str(args, 'view_id');
    const externalId = str(args, 'external_id');
    const existing = [...state.views.values()].find(
      (candidate) =>
        (viewId !== undefined && candidate.id === viewId) ||
        (externalId !== undefined && candidate.external_id === externalId),
    );
    if (!existing || typeof existing.id !== 'string') return fail('not_found');
    const hash = str(args, 'hash');
    if (hash !== undefined && hash !== existing.hash) return fail('hash_conflict');
    const stored = viewJson(state, existing.id, view, { previous_view_id: existing.id });
    state.views.set(existing.id, stored);
    return { ok: true, view: stored };
  },
  'files.getUploadURLExternal': (args, state) => {
    const length = Number(str(args, 'length'));
    if (!Number.isInteger(length) || length < 0) return fail('invalid_arguments');
    const id = nextId(state, 'F');
    state.uploads.set(id, { id, filename: str(args, 'filename') ?? '', length, content: null });
    return { ok: true, upload_url: `${state.origin}/upload/${id}`, file_id: id };
  },
  'files.completeUploadExternal': (args, state) => {
    const entries = Array.isArray(args.files) ? args.files : [];
    const channel = str(args, 'channel_id') ?? null;
    if (channel?.startsWith('CMISSING')) return fail('channel_not_found');
    const initialComment = str(args, 'initial_comment') ?? null;
    const done: SlackDoubleFile[] = [];
    for (const entry of entries) {
      const { id, title } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
        string,
        unknown
      >;
      const upload = typeof id === 'string' ? state.uploads.get(id) : undefined;
      if (!upload?.content) return fail('file_not_found');
      const name = upload.filename;
      const content = upload.content.toString('utf8');
      done.push({
        id: upload.id,
        name,
        title: typeof title === 'string' ? title : name,
        channel,
        content,
        initialComment,
      });
    }
    if (done.length === 0) return fail('invalid_arguments');
    for (const file of done) state.uploads.delete(file.id);
    state.files.push(...done);
    const shared = done.map(({ id, name, title }) => ({ id, name, title }));
    // Slack shares completed files in the channel as one message carrying the initial comment.
    if (channel)
      post(state, { channel, text: initialComment ?? '', thread_ts: str(args, 'thread_ts'), files: shared });
    return { ok: true, files: shared };
  },
};
