// `graycheck` with the test kind added to registry.ts's list: run with `node --import tsx`, as the CLI or `lsp --stdio`.
import { main } from '../../../server/src/cli/main';
import { CHECKERS } from '../../../server/src/registry';
import { ledgerChecker } from './checker';

void main([...CHECKERS, ledgerChecker]);
