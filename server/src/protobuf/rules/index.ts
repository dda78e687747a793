// Every protobuf breaking rule, in the order `graycheck rules` lists them. Add a family's rules here when it is written.
import { fieldNoDelete, fieldNoDeleteUnlessNameReserved, fieldNoDeleteUnlessNumberReserved } from './fieldDeletion';
import { fileNoDelete } from './fileDeletion';
import { messageNoDelete } from './messageDeletion';
import type { ProtobufRule } from './rule';
import { enumSameType } from './enumType';
import { enumSameJsonFormat, messageSameJsonFormat } from './jsonFormat';
import { fieldSameUtf8Validation } from './utf8Validation';
import { enumNoDelete } from './enumDeletion';
import { enumValueNoDelete, enumValueNoDeleteUnlessNameReserved, enumValueNoDeleteUnlessNumberReserved } from './enumValueDeletion';
import { rpcNoDelete, serviceNoDelete } from './serviceDeletion';
import { extensionMessageNoDelete, extensionNoDelete } from './extensionDeletion';
import { oneofNoDelete } from './oneofDeletion';
import { reservedEnumNoDelete, reservedMessageNoDelete } from './reservedDeletion';
import { packageEnumNoDelete, packageExtensionNoDelete, packageMessageNoDelete, packageNoDelete, packageServiceNoDelete } from './packageDeletion';
import { fieldSameType, fieldWireCompatibleType, fieldWireJsonCompatibleType } from './fieldType';
import { fieldSameCardinality, fieldWireCompatibleCardinality, fieldWireJsonCompatibleCardinality } from './fieldCardinality';
import { fieldSameJsonName, fieldSameName, fieldSameOneof } from './fieldIdentity';
import { fieldSameDefault } from './fieldDefault';
import { messageSameRequiredFields } from './requiredFields';
import { enumValueSameName } from './enumValueName';
import { FILE_OPTION_RULES } from './fileOptions';
import { fileSamePackage, fileSameSyntax } from './fileIdentity';
import { rpcSameClientStreaming, rpcSameIdempotencyLevel, rpcSameRequestType, rpcSameResponseType, rpcSameServerStreaming } from './rpcChanges';
import { fieldSameCppStringType, fieldSameCtype, fieldSameJavaUtf8Validation, fieldSameJstype } from './fieldOptions';
import { messageNoRemoveStandardDescriptorAccessor, messageSameMessageSetWireFormat } from './messageOptions';
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
  enumNoDelete,
  enumValueNoDelete,
  enumValueNoDeleteUnlessNumberReserved,
  enumValueNoDeleteUnlessNameReserved,
  serviceNoDelete,
  rpcNoDelete,
  extensionNoDelete,
  extensionMessageNoDelete,
  oneofNoDelete,
  reservedEnumNoDelete,
  reservedMessageNoDelete,
  packageNoDelete,
  packageMessageNoDelete,
  packageEnumNoDelete,
  packageServiceNoDelete,
  packageExtensionNoDelete,
  fieldSameType,
  fieldWireCompatibleType,
  fieldWireJsonCompatibleType,
  fieldSameCardinality,
  fieldWireCompatibleCardinality,
  fieldWireJsonCompatibleCardinality,
  fieldSameName,
  fieldSameJsonName,
  fieldSameOneof,
  fieldSameDefault,
  messageSameRequiredFields,
  enumValueSameName,
  ...FILE_OPTION_RULES,
  fileSamePackage,
  fileSameSyntax,
  rpcSameClientStreaming,
  rpcSameServerStreaming,
  rpcSameRequestType,
  rpcSameResponseType,
  rpcSameIdempotencyLevel,
  fieldSameJstype,
  fieldSameCppStringType,
  fieldSameJavaUtf8Validation,
  fieldSameCtype,
  messageNoRemoveStandardDescriptorAccessor,
  messageSameMessageSetWireFormat,
];
