// The version printed by --version and written into SARIF, taken from package.json at build time.
import packageJson from '../../../package.json';

export const VERSION: string = packageJson.version;
export const INFORMATION_URI = 'https://github.com/graycheck/graycheck';
