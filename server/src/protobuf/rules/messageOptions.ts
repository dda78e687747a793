// Message options that change generated code: turning on no_standard_descriptor_accessor removes the descriptor()
// accessor generated code may call. Turning it off, or writing it as false, is harmless.
import { statementOption } from '../options';
import { removeMessageOptionFix } from '../fixes/revert';
import { eachMessagePair } from '../pairs';
import { breakingRule } from './rule';

export const messageNoRemoveStandardDescriptorAccessor = breakingRule({
  id: 'MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR',
  summary: 'A message turns on no_standard_descriptor_accessor at head',
  check(pairs, report) {
    eachMessagePair(pairs, report, ({ base, head }, report) => {
      if (!base.decl || !head.decl) return;
      const before = statementOption(base.decl.options, 'no_standard_descriptor_accessor')?.value ?? 'false';
      const option = statementOption(head.decl.options, 'no_standard_descriptor_accessor');
      if (before !== 'false' || option?.value !== 'true') return;
      report.finding({
        file: head.file,
        range: option.range,
        message: `Message option "no_standard_descriptor_accessor" changed from "false" to "true".`,
        base: { file: base.file.path, range: base.range },
        fixData: { fix: 'addedMessageOption', message: head.fullName, option: 'no_standard_descriptor_accessor' },
      });
    });
  },
  fixes: removeMessageOptionFix,
});

// Deprecated in both config versions and mapped to no rule: buf runs nothing for it. A file that uses
// message_set_wire_format does not even compile under buf, so there is never anything to compare.
export const messageSameMessageSetWireFormat = breakingRule({
  id: 'MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT',
  summary: 'Deprecated: buf runs no rule for this ID',
  check: () => undefined,
});
