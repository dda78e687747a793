// The embedded demo: a throwaway git repository with a small protobuf API, an OpenAPI description and Go metrics used by an
// alert rule, breaking edits in the working tree,
// and Graycheck's findings as a user sees them (text, then the same as JSON). Needs only git and the built CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';

const cli = resolve(process.env.GRAYCHECK_CLI ?? 'dist/cli.js');
const repo = realpathSync(mkdtempSync(join(tmpdir(), 'graycheck-demo-')));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Demo',
  GIT_AUTHOR_EMAIL: 'demo@example.invalid',
  GIT_COMMITTER_NAME: 'Demo',
  GIT_COMMITTER_EMAIL: 'demo@example.invalid',
};
const git = (...args) => execFileSync('git', args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
const write = (file, text) => {
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), text);
};

const USER_V1 = `syntax = "proto3";

package acme.user.v1;

// A registered user.
message User {
  string id = 1;
  string name = 2;
  // Where we send receipts.
  string email = 3;
  Address address = 4;

  message Address {
    string street = 1;
    string city = 2;
    string postal_code = 3;
  }
}

message GetUserRequest {
  string id = 1;
}
`;

const PETS_V1 = `openapi: 3.1.0
info: { title: Pets, version: '1' }
paths:
  /pets/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: one pet
          content:
            application/json:
              schema: { $ref: 'schemas.yaml#/Pet' }
    delete:
      responses:
        '204': { description: deleted }
`;
const PET_SCHEMAS_V1 = 'Pet:\n  type: object\n  required: [name]\n  properties:\n    name: { type: string }\n    tag: { type: string }\n';

const GO_MOD = 'module example.com/shop\n\ngo 1.22\n\nrequire github.com/prometheus/client_golang v1.24.1\n';
const METRICS_V1 = `package shop

import (
\t"github.com/prometheus/client_golang/prometheus"
\t"github.com/prometheus/client_golang/prometheus/promauto"
)

var httpRequests = promauto.NewCounterVec(prometheus.CounterOpts{
\tName: "http_requests_total",
\tHelp: "Requests served.",
}, []string{"method", "code"})

func served(method, code string) {
\thttpRequests.WithLabelValues(method, code).Inc()
}
`;
const ALERTS_V1 = `groups:
  - name: shop
    rules:
      - alert: ServerErrors
        expr: sum by (code) (rate(http_requests_total{code=~"5.."}[5m])) > 1
`;

const USER_EDITED = USER_V1.replace('  // Where we send receipts.\n  string email = 3;\n', '')
  .replace('    string postal_code = 3;\n', '')
  .replace(/message GetUserRequest \{\n  string id = 1;\n\}\n/, '');

try {
  git('init', '-q', '-b', 'main');
  write('api/user/v1/user.proto', USER_V1);
  write('api/user/v1/legacy.proto', 'syntax = "proto3";\n\npackage acme.user.v1;\n\nmessage LegacyProfile {\n  string nickname = 1;\n}\n');
  write('openapi/pets.yaml', PETS_V1);
  write('openapi/schemas.yaml', PET_SCHEMAS_V1);
  write('go.mod', GO_MOD);
  write('shop/metrics.go', METRICS_V1);
  write('alerts/shop.yaml', ALERTS_V1);
  git('add', '-A');
  git('commit', '-q', '-m', 'User API v1');

  write('api/user/v1/user.proto', USER_EDITED);
  rmSync(join(repo, 'api/user/v1/legacy.proto'));
  write('openapi/pets.yaml', PETS_V1.replace(/    delete:\n.*\n.*\n$/, ''));
  write('openapi/schemas.yaml', PET_SCHEMAS_V1.replace('  required: [name]\n', '').replace('    name: { type: string }\n', ''));
  write('shop/metrics.go', METRICS_V1.replace('"method", "code"}', '"method", "status"}').replace('WithLabelValues(method, code)', 'WithLabelValues(method)'));
  console.log(`Demo repository: ${repo}`);
  console.log('Committed api/user/v1/{user,legacy}.proto, openapi/{pets,schemas}.yaml, shop/metrics.go and alerts/shop.yaml, then, in the');
  console.log('working tree: deleted');
  console.log('the field "email", the nested field "postal_code", the message "GetUserRequest", the file legacy.proto,');
  console.log('the operation DELETE /pets/{id}, the required property "name" of the Pet schema that pets.yaml references;');
  console.log('renamed the label "code" of http_requests_total to "status" (alerts/shop.yaml still groups by code), and dropped');
  console.log('a value from its WithLabelValues call.\n');
  console.log('$ graycheck check --base HEAD');
  const text = spawnSync(process.execPath, [cli, 'check', '--base', 'HEAD'], { cwd: repo, encoding: 'utf8' });
  process.stdout.write(text.stdout + text.stderr);
  console.log(`(exit status ${text.status})\n`);
  console.log('$ graycheck check --base HEAD --format json api/user/v1/user.proto');
  const json = spawnSync(process.execPath, [cli, 'check', '--base', 'HEAD', '--format', 'json', 'api/user/v1/user.proto'], { cwd: repo, encoding: 'utf8' });
  process.stdout.write(json.stdout + json.stderr);
  console.log(`(exit status ${json.status})`);
  if (text.status !== 1 || json.status !== 1) {
    console.error('demo: expected exit status 1 (breaking changes found)');
    process.exitCode = 1;
  }
} finally {
  rmSync(repo, { recursive: true, force: true });
}
