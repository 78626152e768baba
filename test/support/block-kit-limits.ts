import { readFileSync } from 'node:fs';

interface Limit {
  value: number | string;
}
interface BlockKitLimits {
  surfaces: Record<string, Limit>;
  blocks: Record<string, Limit>;
  elements: Record<string, Limit>;
  composition: Record<string, Limit>;
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/slack/block_kit_limits.json', import.meta.url), 'utf8'),
) as BlockKitLimits;

/** One numeric limit of `test/fixtures/slack/block_kit_limits.json`; throws when the fixture has none. */
const limit = (group: keyof BlockKitLimits, name: string): number => {
  const value = fixture[group][name]?.value;
  if (typeof value !== 'number') throw new Error(`no numeric limit ${group}.${name} in the fixture`);
  return value;
};

/** Slack's Block Kit limits, read from the fixture (with its sources), for render tests. */
export const LIMITS = {
  blocks: limit('surfaces', 'message_blocks_max'),
  sectionText: limit('blocks', 'section.text_max'),
  fields: limit('blocks', 'section.fields_max_items'),
  fieldText: limit('blocks', 'section.field_text_max'),
  headerText: limit('blocks', 'header.text_max'),
  contextElements: limit('blocks', 'context.elements_max'),
  actionsElements: limit('blocks', 'actions.elements_max'),
  buttonText: limit('elements', 'button.text_max'),
  buttonValue: limit('elements', 'button.value_max'),
  actionId: limit('elements', 'action_id_max'),
  selectOptions: limit('elements', 'static_select.options_max'),
  optionText: limit('composition', 'option.text_max'),
  optionValue: limit('composition', 'option.value_max'),
  inputLabel: limit('blocks', 'input.label_max'),
};
