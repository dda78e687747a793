// Every protobuf breaking rule, in the order `graycheck rules` lists them. Add a family's rules here when it is written.
import { fieldNoDelete, fieldNoDeleteUnlessNameReserved, fieldNoDeleteUnlessNumberReserved } from './fieldDeletion';
import { fileNoDelete } from './fileDeletion';
import { messageNoDelete } from './messageDeletion';
import type { ProtobufRule } from './rule';
import { enumSameType } from './enumType';
import { enumSameJsonFormat, messageSameJsonFormat } from './jsonFormat';
import { fieldSameUtf8Validation } from './utf8Validation';

export const PROTOBUF_RULES: readonly ProtobufRule[] = [
  fileNoDelete,
  messageNoDelete,
  fieldNoDelete,
  fieldNoDeleteUnlessNumberReserved,
  fieldNoDeleteUnlessNameReserved,
  enumSameType,
  enumSameJsonFormat,
  messageSameJsonFormat,
  fieldSameUtf8Validation,
];
