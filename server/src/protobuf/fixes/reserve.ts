// "Reserve …" for a deleted field or enum value: `reserved` statements for its number and name, so that neither is
// reused. They settle the _UNLESS_ rules; the plain rule still reports, and the title says so.
import type { Fix } from '../../engine/edit';
import type { FixContext } from '../rules/rule';
import { fixDataOf } from './data';
import { enumBody, enumNamed, insertLast, messageBody, singleEditFix } from './edits';
import { messageNamed } from '../model';

/** Which reservation the finding asks for: a _UNLESS_NAME_ finding is not settled by reserving the number alone. */
export type Reservation = 'number' | 'name' | 'any';

export interface PlannedReservations {
  number: boolean;
  name: boolean;
  text: string;
}

/**
 * The `reserved` statements head can still take (undefined for one it cannot: already reserved, or a name still in use,
 * as either would not compile), or undefined when nothing is left or the one the finding needs is not possible.
 */
export function planReservations(needs: Reservation, numberStatement: string | undefined, nameStatement: string | undefined): PlannedReservations | undefined {
  if ((needs === 'number' && !numberStatement) || (needs === 'name' && !nameStatement)) return undefined;
  if (!numberStatement && !nameStatement) return undefined;
  return { number: numberStatement !== undefined, name: nameStatement !== undefined, text: [numberStatement, nameStatement].filter(Boolean).join('\n') };
}

export function reserveFieldFix({ finding, head }: FixContext, isStillReported: boolean, needs: Reservation): Fix[] {
  const data = fixDataOf(finding, 'deletedField');
  if (!data) return [];
  const message = messageNamed(head, data.message)?.decl;
  if (!message) return [];
  const isEditions = head.ast.syntax.syntax === 'editions';
  const name = isEditions ? data.name : `"${data.name}"`;
  const planned = planReservations(
    needs,
    data.isNumberReserved ? undefined : `reserved ${data.number};`,
    data.isNameReserved || data.isNameInUse ? undefined : `reserved ${name};`,
  );
  if (!planned) return [];
  const title =
    planned.number && planned.name
      ? `Reserve field number ${data.number} and name "${data.name}"`
      : planned.name
        ? `Reserve field name "${data.name}"`
        : `Reserve field number ${data.number}`;
  return singleEditFix(
    isStillReported ? `${title} (buf still reports ${finding.rule} for a deleted field)` : title,
    finding.file,
    insertLast(head.text, messageBody(message), planned.text),
    false,
  );
}

/** "Reserve enum value number N and name "X"": satisfies the _UNLESS_ twins; buf still reports ENUM_VALUE_NO_DELETE. */
export function reserveEnumValueFix({ finding, head }: FixContext, isStillReported: boolean, needs: Reservation): Fix[] {
  const data = fixDataOf(finding, 'deletedEnumValue');
  if (!data) return [];
  const item = enumNamed(head, data.enum);
  const body = enumBody(head, data.enum);
  if (!item || !body) return [];
  const names = data.names.split(',');
  if (names.some((name) => item.values.some((value) => value.name === name))) return [];
  const isEditions = head.ast.syntax.syntax === 'editions';
  const written = names.map((name) => (isEditions ? name : `"${name}"`)).join(', ');
  const planned = planReservations(
    needs,
    data.isNumberReserved ? undefined : `reserved ${data.number};`,
    data.areNamesReserved ? undefined : `reserved ${written};`,
  );
  if (!planned) return [];
  const quoted = names.map((name) => `"${name}"`).join(', ');
  const plural = names.length > 1 ? 's' : '';
  const title =
    planned.number && planned.name
      ? `Reserve enum value number ${data.number} and name${plural} ${quoted}`
      : planned.number
        ? `Reserve enum value number ${data.number}`
        : `Reserve enum value name${plural} ${quoted}`;
  const edit = insertLast(head.text, body, planned.text);
  return singleEditFix(isStillReported ? `${title} (buf still reports ${finding.rule} for a deleted value)` : title, finding.file, edit, false);
}
