import { LIMITS } from './block-kit-limits.js';

/**
 * Block Kit as Slack checks it before posting a message or opening a view: every limit of
 * `test/fixtures/slack/block_kit_limits.json` that Cohorte's renderers meet (section text and fields, header,
 * context, actions and buttons, inputs and static selects). Slack refuses the whole call when one block is over:
 * `invalid_blocks` for chat.postMessage / chat.update / chat.postEphemeral, `invalid_arguments` for views.*
 * (node-slack-sdk `packages/types/src/block-kit/*.ts` for the limits; the error codes are those of the methods'
 * reference pages on docs.slack.dev, `chat.postMessage` "invalid_blocks: Blocks submitted with this message are
 * not valid", `views.open` "invalid_arguments").
 */

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A text object's text: 1 to `max` characters (composition-objects.ts: "minimum length ... 1"). */
const textOk = (value: unknown, max: number): boolean => {
  const text = isRecord(value) ? value.text : undefined;
  return typeof text === 'string' && text.length >= 1 && text.length <= max;
};
const upTo = (value: unknown, max: number): boolean => typeof value !== 'string' || value.length <= max;

function optionOk(option: unknown): boolean {
  return isRecord(option) && textOk(option.text, LIMITS.optionText) && upTo(option.value, LIMITS.optionValue);
}

function elementOk(element: unknown): boolean {
  if (!isRecord(element)) return false;
  if (!upTo(element.action_id, LIMITS.actionId)) return false;
  switch (element.type) {
    case 'button':
      return textOk(element.text, LIMITS.buttonText) && upTo(element.value, LIMITS.buttonValue);
    case 'static_select': {
      const options = list(element.options);
      return (
        options.length >= 1 &&
        options.length <= LIMITS.selectOptions &&
        options.every(optionOk) &&
        (element.initial_option === undefined || optionOk(element.initial_option))
      );
    }
    default:
      return true;
  }
}

function blockOk(block: unknown): boolean {
  if (!isRecord(block)) return false;
  switch (block.type) {
    case 'section': {
      const fields = list(block.fields);
      if (block.text === undefined && fields.length === 0) return false;
      if (block.text !== undefined && !textOk(block.text, LIMITS.sectionText)) return false;
      return fields.length <= LIMITS.fields && fields.every((field) => textOk(field, LIMITS.fieldText));
    }
    case 'header':
      return textOk(block.text, LIMITS.headerText);
    case 'context': {
      const elements = list(block.elements);
      return (
        elements.length >= 1 &&
        elements.length <= LIMITS.contextElements &&
        elements.every((e) => textOk(e, LIMITS.sectionText))
      );
    }
    case 'actions': {
      const elements = list(block.elements);
      return elements.length >= 1 && elements.length <= LIMITS.actionsElements && elements.every(elementOk);
    }
    case 'input':
      return textOk(block.label, LIMITS.inputLabel) && elementOk(block.element);
    default:
      return true;
  }
}

/** Whether every block is within Block Kit's limits (the count of blocks is checked by each surface). */
export const blocksValid = (blocks: readonly unknown[]): boolean => blocks.every(blockOk);
