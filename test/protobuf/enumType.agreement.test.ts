// ENUM_SAME_TYPE against the real buf. (Syntax conversions that close and open enums are in editions.agreement.)
import { bufAgrees, EDITION, file } from './agreementCases';

bufAgrees([
  {
    name: 'an aggregate features option on an enum closes it',
    base: file(EDITION),
    head: file(EDITION.replace('enum E {', 'enum E {\n  option features = { enum_type: CLOSED };\n')),
  },
]);
