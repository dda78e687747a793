// One git repository as Graycheck sees it: the base revision, the base, index and working trees, renames, and revision choices.
// Every blob read goes through one long-lived `git cat-file --batch` and a cache keyed by blob id.
import * as fs from '../files';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitBlobId } from '../engine/digest';
import { textOfBytes, type Tree } from '../engine/tree';
import { BlobCache, type Blob } from './blobCache';
import { CatFileProcess } from './catFile';
import { findPlainRepository } from './discovery';
import { indexFilePath, parseIndexFile, type IndexEntry } from './indexFile';
import { walkTree, type TreeEntry } from './treeWalk';
import { isFullObjectId, shortId, validateRevision } from './revision';
import { GitRunner, failure, firstLine, type GitStats } from './runner';
import { GitError, type BaseRevision, type HeadSource, type RevisionChoice } from './types';
import { WorkingTree, resolveInside, walkFiles } from './workingTree';

export { looksBinary } from './blobCache';

/** A file of a commit or of the index: its blob id. Only regular files (modes 100644 and 100755) are listed, and only those
 *  whose blob is here: a partial clone's missing blobs are named in `unavailable` instead, because reading them would fetch. */
interface Listing {
  paths: readonly string[];
  blobs: ReadonlyMap<string, string>;
  unavailable: ReadonlyMap<string, string>;
  /** Paths of the other entries (symbolic links, submodules): git's rename detection sees them too. */
  otherPaths: ReadonlySet<string>;
  /** Some entry holds the empty blob, as an intent-to-add entry (`git add -N`) of the index does. */
  hasEmptyBlob: boolean;
}

/** The empty blob's id with SHA-1 and with SHA-256. */
const EMPTY_BLOB_IDS = new Set(['e69de29bb2d1d6434b8b29ae775ad8c2e48c5391', '473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813']);

const LISTINGS_KEPT = 8;
/** An index this small (a few hundred entries) lists a repository whose commits' trees are read faster through cat-file
 *  than by starting git ls-tree; the walk gives up past WALKED_TREES_MAX trees. */
const SMALL_INDEX_BYTES = 32 * 1024;
const WALKED_TREES_MAX = 128;
const RECENT_COMMITS = 20;
const DEEPEN_ADVICE = 'run git fetch --deepen=<n> or git fetch --unshallow';
export const PARTIAL_CLONE_REASON = 'not available locally: partial clone; run git fetch';
/** A path the index holds only as conflict stages (1, 2, 3): there is no staged content to compare until it is resolved. */
export const UNMERGED_REASON = 'unmerged: resolve the conflict';

/** What git said about HEAD and the branches while the repository was being opened, for the base resolution that follows. */
interface AnswersAtOpening {
  /** HEAD's commit, or undefined when HEAD names none (no commit yet). */
  head: string | undefined;
  branchRefs?: BranchRefs;
}

interface BranchRefs {
  /** HEAD's branch: its short name (as `git symbolic-ref --short HEAD` gives it) and its full one. */
  branch?: string;
  current?: string;
  upstream?: string;
  originHead?: string;
  /** The refs listed (every local branch, origin/HEAD, origin/main, origin/master) with their commit (undefined when the
   *  ref names another kind of object): the auto base's candidates among them need no question to git of their own.
   *  Undefined when git could not list them. */
  listed?: ReadonlyMap<string, string | undefined>;
}

/** The remote branches auto resolution falls back to, listed beside the local branches. */
const FALLBACK_BASES = ['refs/remotes/origin/main', 'refs/remotes/origin/master'];

export class GitRepository {
  private readonly blobs = new BlobCache();
  private readonly blobReads = new Map<string, Promise<Blob | undefined>>();
  private readonly catFile: CatFileProcess;
  private readonly listings = new Map<string, Promise<Listing>>();
  /** The index trees this repository made, with their listing: renames against the index read the same one. */
  private readonly indexSnapshots = new WeakMap<Tree, () => Promise<Listing>>();
  private settingsRead: Promise<Settings> | undefined;
  /** How long this repository's object ids are in hex (40 with SHA-1, 64 with SHA-256), once a full one has been seen:
   *  the index file can be read only knowing it. */
  private objectIdLength: number | undefined;
  private smallRepository: Promise<boolean> | undefined;
  private indexFile: Promise<string | undefined> | undefined;

  private constructor(
    readonly root: string,
    private readonly git: GitRunner,
    /** Used by the first base resolution only: HEAD and the branches move while a language server runs. */
    private answersAtOpening: AnswersAtOpening | undefined,
  ) {
    this.catFile = new CatFileProcess(git);
    if (answersAtOpening?.head) this.objectIdLength = answersAtOpening.head.length;
  }

  /** `resolvingBase`: the base the caller resolves right after opening (the command line's), whose questions to git are
   *  asked together with the top level's (each round trip to git is a process start): HEAD's commit, and for `auto` the
   *  branches. */
  static async open(dir: string, options: { env?: NodeJS.ProcessEnv; resolvingBase?: string } = {}): Promise<GitRepository> {
    const env = options.env ?? process.env;
    let directory: string;
    try {
      directory = await fs.realpath(path.resolve(dir));
      if (!(await fs.stat(directory)).isDirectory()) throw new Error('not a directory');
    } catch {
      throw new GitError('not-a-repository', `${dir} is not a directory, so it is not a git repository; run from inside a repository`);
    }
    const resolving = options.resolvingBase;
    if (resolving === 'auto') {
      const plain = await GitRepository.openPlain(directory, env);
      if (plain) return plain;
    }
    const probe = new GitRunner(directory, env);
    // The refs are the same from any directory of the work tree: asked beside the top level rather than after it. Their
    // answer is used only once the directory is known to be in a repository.
    const [result, branchRefs] = await Promise.all([
      probe.run(
        resolving === undefined
          ? ['rev-parse', '--show-toplevel']
          : ['rev-parse', '--show-toplevel', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}'],
      ),
      resolving === 'auto' ? branchRefsOf(probe) : undefined,
    ]);
    // With HEAD asked too, status 1 says only that HEAD names no commit; the top level came before.
    const output = result.stdout.toString('utf8').replace(/\n$/, '');
    const headless = resolving !== undefined && result.code === 1 && output !== '';
    if (result.code !== 0 && !headless) {
      if (/not a git repository|must be run in a work tree/i.test(result.stderr)) {
        throw new GitError('not-a-repository', `${directory} is not inside a git repository (or its work tree); run from a repository, or git init one`);
      }
      if (/dubious ownership/i.test(result.stderr)) {
        throw new GitError(
          'failed',
          `git refuses ${directory} because another user owns it; if you trust it, run git config --global --add safe.directory '${directory}'`,
        );
      }
      throw failure(['rev-parse'], result);
    }
    let topLevel = output;
    let answers: AnswersAtOpening | undefined;
    if (resolving !== undefined) {
      // The commit is the last line (a directory's name may hold a line feed, an object id never does).
      const lastLine = output.lastIndexOf('\n');
      const head = headless ? undefined : output.slice(lastLine + 1);
      if (head === undefined || (lastLine > 0 && isFullObjectId(head))) {
        if (head !== undefined) topLevel = output.slice(0, lastLine);
        answers = { head, ...(branchRefs ? { branchRefs } : {}) };
      } else throw failure(['rev-parse'], result);
    }
    const root = await fs.realpath(topLevel);
    return new GitRepository(root, new GitRunner(root, env, probe.stats), answers);
  }

  /** A plain repository (discovery.ts) opened for the auto base without asking git for the top level and HEAD: with no
   *  commit yet, without starting git at all (the auto base is then none); else the branch listing the auto base reads
   *  anyway tells HEAD's commit. Undefined when git must be asked after all. */
  private static async openPlain(directory: string, env: NodeJS.ProcessEnv): Promise<GitRepository | undefined> {
    const plain = findPlainRepository(directory, env);
    if (!plain) return undefined;
    const git = new GitRunner(plain.root, env);
    if (!plain.headBorn) return new GitRepository(plain.root, git, { head: undefined });
    const branchRefs = await branchRefsOf(git);
    const head = branchRefs.current === plain.headRef ? branchRefs.listed?.get(plain.headRef) : undefined;
    return head ? new GitRepository(plain.root, git, { head, branchRefs }) : undefined;
  }

  /** The repository's filter drivers and whether it is a partial clone, asked of git once, when first needed: a check that
   *  has no base, or reads nothing through git, never asks (a process start saved). Until then only commands that run no
   *  filter may run (GitRunner refuses the others). */
  private settings(): Promise<Settings> {
    if (!this.settingsRead) {
      const reading = configuredSettings(this.git).then((settings) => {
        this.git.setFilterDrivers(settings.filterDrivers);
        return settings;
      });
      reading.catch(() => {
        if (this.settingsRead === reading) this.settingsRead = undefined;
      });
      this.settingsRead = reading;
    }
    return this.settingsRead;
  }

  /** A base was found, so its files will be listed and compared: the settings are asked now, beside what comes next. */
  private found(base: BaseRevision): BaseRevision {
    this.settings().catch(() => undefined);
    return base;
  }

  /** How often this repository went to git; tests use it to prove reads are cached and processes reused. */
  get stats(): Readonly<GitStats> {
    return this.git.stats;
  }

  /** The process id of the cat-file process while it runs. */
  get catFileProcessId(): number | undefined {
    return this.catFile.pid;
  }

  async resolveBase(spec: string): Promise<BaseRevision> {
    return this.found(await this.resolveSpec(spec));
  }

  private async resolveSpec(spec: string): Promise<BaseRevision> {
    const answers = this.answersAtOpening;
    this.answersAtOpening = undefined;
    if (spec === 'auto') return this.resolveAuto(answers);
    validateRevision(spec);
    const commit = spec === 'HEAD' && answers ? answers.head : await this.revParseCommit(spec);
    if (!commit) throw await this.unknownRevision(spec);
    if (spec === 'HEAD') return { ref: spec, commit, description: 'HEAD', shortName: 'HEAD' };
    const fullName = (await this.git.run(['rev-parse', '--verify', '--quiet', '--symbolic-full-name', '--end-of-options', spec])).stdout
      .toString('utf8')
      .trim();
    const named = describeRef(fullName);
    if (named) return { ref: spec, commit, description: `${named.kind} ${named.short}`, shortName: named.short };
    const isIdPrefix = /^[0-9a-f]{4,64}$/i.test(spec);
    return {
      ref: spec,
      commit,
      description: isIdPrefix ? `commit ${shortId(commit)}` : `commit ${shortId(commit)} (${spec})`,
      shortName: isIdPrefix ? shortId(commit) : spec,
    };
  }

  baseTree(base: BaseRevision): Tree {
    const commit = base.commit;
    return {
      label: `${shortId(commit)} (${base.description})`,
      list: async () => (await this.listing(commit)).paths,
      read: async (file: string) => {
        const blob = (await this.listing(commit)).blobs.get(file);
        return blob === undefined ? undefined : (await this.readBlob(blob))?.text;
      },
      unavailable: async () => (await this.listing(commit)).unavailable,
    };
  }

  workingTree(): Tree {
    return new WorkingTree(this.root);
  }

  /** The staged files, as the index is when the tree is first asked (a comparison takes a new tree for each check, so
   *  every kind of one check sees one index, read once). Conflicted paths are not listed but named in `unavailable`:
   *  they are neither deleted nor staged. */
  indexTree(): Tree {
    let listing: Promise<Listing> | undefined;
    const snapshot = (): Promise<Listing> => {
      if (!listing) {
        const loading = this.indexListing();
        listing = loading;
        loading.catch(() => {
          if (listing === loading) listing = undefined;
        });
      }
      return listing;
    };
    const tree: Tree = {
      label: 'index',
      list: async () => (await snapshot()).paths,
      read: async (file: string) => {
        const blob = (await snapshot()).blobs.get(file);
        return blob === undefined ? undefined : (await this.readBlob(blob))?.text;
      },
      unavailable: async () => (await snapshot()).unavailable,
    };
    this.indexSnapshots.set(tree, snapshot);
    return tree;
  }

  /** Head path → base path for the files git's rename detection pairs, plus untracked files identical to a deleted one.
   *  `indexTree`: against the index, the index tree of the comparison, whose listing then serves here too. */
  async renames(base: BaseRevision, head: HeadSource, indexTree?: Tree): Promise<Map<string, string>> {
    if (head === 'index') {
      const snapshot = indexTree && this.indexSnapshots.get(indexTree);
      const listings = Promise.all([this.listing(base.commit), snapshot ? snapshot() : this.indexListing()]);
      // The check reads blobs of both next.
      this.catFile.startEarly();
      const [baseListing, indexListing] = await listings;
      // The listings are read anyway; most commits rename nothing, and then no diff need be started.
      if (!mayPairRenames(baseListing, indexListing)) return new Map();
    }
    const args = ['diff', '-M', '--name-status', '-z', '--no-ext-diff', '--no-textconv'];
    if (head === 'index') args.push('--cached');
    args.push('--end-of-options', base.commit, '--');
    // The diff reads working-tree files: the filter drivers must be known (and blanked) first.
    const { isPartialClone } = await this.settings();
    const diff = this.git.run(args);
    this.catFile.startEarly();
    const result = await diff;
    // The diff reads blobs of the base; in a partial clone a missing one fails it (it may not be fetched). Files are then
    // paired by path only, and the missing ones are reported as not available.
    if (result.code !== 0 && isPartialClone && (await this.listing(base.commit)).unavailable.size > 0) return new Map();
    if (result.code !== 0) throw failure(args, result);
    const fields = result.stdout.toString('utf8').split('\0');
    const renames = new Map<string, string>();
    const deleted: string[] = [];
    for (let i = 0; i < fields.length;) {
      const status = fields[i++] ?? '';
      if (status === '') continue;
      if (status.startsWith('R') || status.startsWith('C')) {
        const from = fields[i++]!;
        const to = fields[i++]!;
        if (status.startsWith('R')) renames.set(to, from);
      } else {
        const file = fields[i++]!;
        if (status === 'D') deleted.push(file);
      }
    }
    if (head === 'working-tree' && deleted.length > 0) {
      for (const [to, from] of await this.untrackedRenames(base.commit, deleted)) renames.set(to, from);
    }
    return renames;
  }

  async listRevisions(): Promise<RevisionChoice[]> {
    const auto = await this.resolveAuto(undefined).catch(() => undefined);
    const choices: RevisionChoice[] = [{ name: 'auto', kind: 'auto', ...(auto ? { description: auto.description } : {}) }];
    const upstream = await this.upstreamRef();
    const refs = await this.git.text([
      'for-each-ref',
      '--sort=-creatordate',
      '--format=%(refname)%00%(symref)%00%(contents:subject)',
      'refs/heads',
      'refs/remotes',
      'refs/tags',
    ]);
    const branches: RevisionChoice[] = [];
    const remotes: RevisionChoice[] = [];
    const tags: RevisionChoice[] = [];
    for (const line of refs.split('\n')) {
      const [refname, symref, subject] = line.split('\0');
      if (!refname || symref) continue; // symbolic refs such as origin/HEAD repeat another entry
      const named = describeRef(refname);
      if (!named) continue;
      const description = refname === upstream ? 'upstream' : subject || undefined;
      const choice: RevisionChoice = { name: named.short, kind: named.choice, ...(description ? { description } : {}) };
      (named.choice === 'branch' ? branches : named.choice === 'remote' ? remotes : tags).push(choice);
    }
    choices.push(...branches, ...remotes, ...tags);
    if (await this.revParseCommit('HEAD')) {
      const log = await this.git.text(['log', '-z', `-n${RECENT_COMMITS}`, '--no-show-signature', '--format=%h%x00%s', '--end-of-options', 'HEAD', '--']);
      const fields = log.split('\0');
      for (let i = 0; i + 1 < fields.length; i += 2) {
        choices.push({ name: fields[i]!, kind: 'commit', description: fields[i + 1]! });
      }
    }
    return choices;
  }

  /** One file at a commit (or any revision), or undefined when the commit has no such regular file. */
  async readAt(commit: string, file: string): Promise<string | undefined> {
    let id = commit;
    if (!isFullObjectId(commit)) {
      validateRevision(commit);
      const resolved = await this.revParseCommit(commit);
      if (!resolved) throw await this.unknownRevision(commit);
      id = resolved;
    }
    const blob = (await this.listing(id)).blobs.get(file);
    return blob === undefined ? undefined : (await this.readBlob(blob))?.text;
  }

  /** Where git looks for hooks: core.hooksPath when set (relative to the top level, as git reads it), else the common git dir's hooks/.
   *  Read from configuration rather than `rev-parse --git-path hooks`, because our safe spawning overrides core.hooksPath. */
  async hooksDirectory(): Promise<string> {
    // Our own `-c core.hooksPath=/dev/null` shows up with scope "command": take the last value from any other scope.
    const configured = await this.git.run(['config', '--show-scope', '--get-all', 'core.hooksPath']);
    const lines = configured.code === 0 ? configured.stdout.toString('utf8').split('\n') : [];
    const value =
      lines
        .filter((line) => line.trim() !== '' && !line.startsWith('command\t'))
        .map((line) => line.slice(line.indexOf('\t') + 1).trim())
        .pop() ?? '';
    if (value !== '') return path.resolve(this.root, value.startsWith('~/') ? path.join(os.homedir(), value.slice(2)) : value);
    return path.join((await this.gitDirectories()).commonDir, 'hooks');
  }

  /** The repository's git directory and the common one it shares with its other worktrees (the same outside worktrees), absolute. */
  async gitDirectories(): Promise<{ gitDir: string; commonDir: string }> {
    const result = await this.git.run(['rev-parse', '--git-dir', '--git-common-dir']);
    if (result.code !== 0) throw new GitError('failed', `git rev-parse --git-common-dir failed: ${firstLine(result.stderr)}`);
    const [gitDir = '.git', commonDir = gitDir] = result.stdout.toString('utf8').split('\n');
    return { gitDir: path.resolve(this.root, gitDir), commonDir: path.resolve(this.root, commonDir) };
  }

  dispose(): void {
    this.catFile.dispose();
  }

  // ---- base resolution

  private async resolveAuto(answers: AnswersAtOpening | undefined): Promise<BaseRevision> {
    // A HEAD known to have no commit needs no branches: there is no base then.
    const refsNeeded = !answers || answers.head !== undefined;
    const [head, refs] = await Promise.all([answers ? answers.head : this.commitOf('HEAD'), answers?.branchRefs ?? (refsNeeded ? branchRefsOf(this.git) : {})]);
    if (!head) throw this.noCommits();
    const { branch, upstream, originHead } = refs;
    const candidates: Array<{ ref: string; why: string }> = [];
    if (upstream && branch) candidates.push({ ref: upstream, why: ` (upstream of ${branch})` });
    if (originHead) candidates.push({ ref: originHead, why: " (origin's default branch)" });
    candidates.push(...FALLBACK_BASES.map((ref) => ({ ref, why: '' })));
    for (const candidate of candidates) {
      const listed = listedCommit(refs, candidate.ref);
      const target = listed === undefined ? await this.commitOf(candidate.ref) : (listed ?? undefined);
      if (!target) continue;
      const short = describeRef(candidate.ref)?.short ?? candidate.ref;
      const mergeBase = await this.git.run(['merge-base', '--end-of-options', head, target]);
      const commit = mergeBase.stdout.toString('utf8').trim();
      if (mergeBase.code === 0 && isFullObjectId(commit)) {
        return { ref: 'auto', commit, description: `merge-base with ${short}${candidate.why}`, shortName: short };
      }
      if (await this.isShallow()) {
        throw new GitError('shallow-missing', `the merge-base of HEAD and ${short} is missing: this is a shallow clone; ${DEEPEN_ADVICE}`);
      }
      if (mergeBase.code === 1) {
        throw new GitError('failed', `HEAD and ${short} have no commit in common, so there is no merge-base to compare with; name a base revision instead`);
      }
      throw failure(['merge-base'], mergeBase);
    }
    return { ref: 'auto', commit: head, description: 'HEAD (no upstream or origin default branch)', shortName: 'HEAD' };
  }

  /** The full name of the current branch's upstream (refs/remotes/origin/main), when one is configured. */
  private async upstreamRef(): Promise<string | undefined> {
    const result = await this.git.run(['rev-parse', '--symbolic-full-name', '@{upstream}']);
    const name = result.stdout.toString('utf8').trim();
    return result.code === 0 && name.startsWith('refs/') ? name : undefined;
  }

  /** The commit a ref of ours names (HEAD, a remote branch), asked of the cat-file process the blob reads use rather
   *  than of a git process of its own. */
  private async commitOf(ref: string): Promise<string | undefined> {
    const object = await this.catFile.read(`${ref}^{commit}`);
    return object?.type === 'commit' && isFullObjectId(object.id) ? object.id : undefined;
  }

  private async revParseCommit(revision: string): Promise<string | undefined> {
    const result = await this.git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    const commit = result.stdout.toString('utf8').trim();
    return result.code === 0 && isFullObjectId(commit) ? commit : undefined;
  }

  private async unknownRevision(spec: string): Promise<GitError> {
    if (!(await this.hasCommits())) return this.noCommits();
    if (await this.isShallow()) {
      if (/^[0-9a-f]{7,64}$/i.test(spec)) {
        return new GitError('shallow-missing', `base commit ${spec.slice(0, 7)} is missing: this is a shallow clone; ${DEEPEN_ADVICE}`);
      }
      return new GitError(
        'unknown-revision',
        `unknown revision ${JSON.stringify(spec)}: it may be missing because this is a shallow clone; run git fetch --unshallow`,
      );
    }
    return new GitError('unknown-revision', `unknown revision ${JSON.stringify(spec)}; check the name (git branch -a, git tag) or fetch it`);
  }

  private noCommits(): GitError {
    return new GitError('no-commits', `${this.root} has no commits yet, so there is no base to compare with; commit once, then run again`);
  }

  private async hasCommits(): Promise<boolean> {
    if (await this.revParseCommit('HEAD')) return true;
    const refs = await this.git.run(['for-each-ref', '--count=1', '--format=%(objectname)']);
    return refs.stdout.toString('utf8').trim().length > 0;
  }

  /** Asked afresh each time (only on error paths): `git fetch --unshallow` may have run since the last time. */
  private async isShallow(): Promise<boolean> {
    const result = await this.git.run(['rev-parse', '--is-shallow-repository']);
    return result.code === 0 && result.stdout.toString('utf8').trim() === 'true';
  }

  // ---- trees and blobs

  private listing(commit: string): Promise<Listing> {
    if (isFullObjectId(commit)) this.objectIdLength ??= commit.length;
    const cached = this.listings.get(commit);
    if (cached) {
      this.listings.delete(commit);
      this.listings.set(commit, cached);
      return cached;
    }
    const loading = this.loadListing(commit);
    this.listings.set(commit, loading);
    loading.catch(() => this.listings.delete(commit));
    for (const oldest of this.listings.keys()) {
      if (this.listings.size <= LISTINGS_KEPT) break;
      this.listings.delete(oldest);
    }
    return loading;
  }

  private async loadListing(commit: string): Promise<Listing> {
    const [entries, { isPartialClone }] = await Promise.all([this.treeEntries(commit), this.settings()]);
    const missing = isPartialClone ? await this.missingObjects(commit) : new Set<string>();
    return listingOf(entries, (entry) => (isRegularFile(entry.mode) && missing.has(entry.id) ? PARTIAL_CLONE_REASON : undefined));
  }

  /** A commit's files: for a small repository (judged by the size of its index) read tree by tree through cat-file,
   *  which saves starting git ls-tree; otherwise, or when the walk cannot finish, listed by git ls-tree. */
  private async treeEntries(commit: string): Promise<TreeEntry[]> {
    // Not in a partial clone: reading a tree it lacks makes cat-file try to fetch it, which fails (no protocol is
    // allowed, see runner.ts) and may end the process; git ls-tree says what is missing.
    if ((await this.looksSmall()) && !(await this.settings()).isPartialClone) {
      const walked = await walkTree((name) => this.catFile.read(name), commit, commit.length / 2, WALKED_TREES_MAX);
      if (walked) return walked;
    }
    const result = await this.git.run(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit]);
    if (result.code !== 0) {
      if (await this.isShallow()) throw new GitError('shallow-missing', `base commit ${shortId(commit)} is missing: this is a shallow clone; ${DEEPEN_ADVICE}`);
      if ((await this.settings()).isPartialClone) throw new GitError('failed', `the files of base commit ${shortId(commit)} are ${PARTIAL_CLONE_REASON}`);
      throw new GitError(
        'failed',
        `cannot list the files of commit ${shortId(commit)}: ${firstLine(result.stderr) || `git ls-tree exit status ${result.code}`}`,
      );
    }
    const entries: TreeEntry[] = [];
    for (const record of result.stdout.toString('utf8').split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode = '', type, id = ''] = record.slice(0, tab).split(' ');
      if (type === 'blob' || type === 'commit') entries.push({ mode, type, id, path: record.slice(tab + 1) });
    }
    return entries;
  }

  /** The index file git would read (see indexFile.ts), found once: it stays where it is while the repository is open. */
  private indexFilePath(): Promise<string | undefined> {
    this.indexFile ??= indexFilePath(this.root, this.git.baseEnvironment);
    return this.indexFile;
  }

  /** Whether the repository's index is small enough that its commits' trees are few. */
  private async looksSmall(): Promise<boolean> {
    this.smallRepository ??= (async () => {
      const file = await this.indexFilePath();
      const size = file === undefined ? undefined : (await fs.stat(file).catch(() => undefined))?.size;
      return size !== undefined && size <= SMALL_INDEX_BYTES;
    })();
    return this.smallRepository;
  }

  /** The objects of a commit's tree that this partial clone does not have. `--missing=print` is one of the few ways to ask
   *  without git fetching them (cat-file would try, and git before 2.45 then dies when the fetch is refused). */
  private async missingObjects(commit: string): Promise<Set<string>> {
    const result = await this.git.run(['rev-list', '--objects', '--no-walk', '--missing=print', '--end-of-options', commit]);
    if (result.code !== 0) throw new GitError('failed', `the files of base commit ${shortId(commit)} are ${PARTIAL_CLONE_REASON}`);
    const missing = new Set<string>();
    for (const line of result.stdout.toString('utf8').split('\n')) if (line.startsWith('?')) missing.add(line.slice(1).trim());
    return missing;
  }

  private async indexListing(): Promise<Listing> {
    const entries = (await this.indexEntriesFromFile()) ?? (await this.indexEntriesFromGit());
    return listingOf(entries, (entry) => (entry.stage !== 0 ? UNMERGED_REASON : undefined));
  }

  /** The index read from its file, when its layout is a plain one and the length of object ids is known. */
  private async indexEntriesFromFile(): Promise<IndexEntry[] | undefined> {
    if (this.objectIdLength === undefined) return undefined;
    const file = await this.indexFilePath();
    if (file === undefined) return undefined;
    try {
      return parseIndexFile(await fs.readFile(file), this.objectIdLength / 2);
    } catch {
      return undefined; // no index yet, or one git may still read (it says what is wrong)
    }
  }

  private async indexEntriesFromGit(): Promise<IndexEntry[]> {
    const output = await this.git.text(['ls-files', '-s', '-z']);
    const entries: IndexEntry[] = [];
    for (const record of output.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode = '', id = '', stage] = record.slice(0, tab).split(' ');
      entries.push({ mode, id, stage: Number(stage), path: record.slice(tab + 1) });
    }
    return entries;
  }

  private readBlob(id: string): Promise<Blob | undefined> {
    const cached = this.blobs.get(id);
    if (cached) return Promise.resolve(cached);
    const inflight = this.blobReads.get(id);
    if (inflight) return inflight;
    const reading = this.catFile.read(id).then((object) => {
      if (!object) return undefined;
      const blob = { text: textOfBytes(object.bytes, id), sizeBytes: object.bytes.length };
      this.blobs.set(id, blob);
      return blob;
    });
    this.blobReads.set(id, reading);
    const forget = (): void => void this.blobReads.delete(id);
    reading.then(forget, forget);
    return reading;
  }

  // ---- renames git diff cannot see

  /** Untracked files whose content equals a deleted base file, found by blob id (size first, so most files are never read). */
  private async untrackedRenames(commit: string, deleted: readonly string[]): Promise<Map<string, string>> {
    const [baseListing, indexPaths, diskFiles] = await Promise.all([
      this.listing(commit),
      this.git.text(['ls-files', '-z']).then((text) => new Set(text.split('\0'))),
      walkFiles(this.root, { withSizes: true }),
    ]);
    const onDisk = new Set(diskFiles.map((file) => file.path));
    const gone = new Map<string, { path: string; sizeBytes: number }[]>();
    for (const file of deleted) {
      const id = baseListing.blobs.get(file);
      if (id === undefined || onDisk.has(file)) continue;
      const blob = await this.readBlob(id);
      if (!blob) continue;
      gone.set(id, [...(gone.get(id) ?? []), { path: file, sizeBytes: blob.sizeBytes }]);
    }
    const sizes = new Set([...gone.values()].flat().map((file) => file.sizeBytes));
    const renames = new Map<string, string>();
    for (const file of diskFiles) {
      if (gone.size === 0) break;
      if (!sizes.has(file.sizeBytes) || indexPaths.has(file.path) || baseListing.blobs.has(file.path)) continue;
      const full = resolveInside(this.root, file.path);
      if (!full) continue;
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(full);
      } catch {
        continue;
      }
      const id = gitBlobId(bytes, commit.length === 64 ? 'sha256' : 'sha1');
      const candidates = gone.get(id);
      if (!candidates) continue;
      // Several deleted files with the same content: prefer the one with the same file name.
      const name = path.posix.basename(file.path);
      const index = Math.max(
        0,
        candidates.findIndex((candidate) => path.posix.basename(candidate.path) === name),
      );
      const [from] = candidates.splice(index, 1);
      if (candidates.length === 0) gone.delete(id);
      if (from) renames.set(file.path, from.path);
    }
    return renames;
  }
}

/** A listing of a commit's or the index's entries: regular files by blob id, the ones `unavailableReason` names apart. */
function listingOf<Entry extends { mode: string; id: string; path: string }>(
  entries: readonly Entry[],
  unavailableReason: (entry: Entry) => string | undefined,
): Listing {
  const blobs = new Map<string, string>();
  const unavailable = new Map<string, string>();
  const otherPaths = new Set<string>();
  let hasEmptyBlob = false;
  for (const entry of entries) {
    if (EMPTY_BLOB_IDS.has(entry.id)) hasEmptyBlob = true;
    const reason = unavailableReason(entry);
    if (reason !== undefined) unavailable.set(entry.path, reason);
    else if (isRegularFile(entry.mode)) blobs.set(entry.path, entry.id);
    else otherPaths.add(entry.path);
  }
  return { paths: sortedKeys(blobs), blobs, unavailable, otherPaths, hasEmptyBlob };
}

function isRegularFile(mode: string | undefined): boolean {
  return mode === '100644' || mode === '100755';
}

function sortedKeys(map: ReadonlyMap<string, string>): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** refs/heads/main → branch main; refs/remotes/origin/main → branch origin/main; refs/tags/v1 → tag v1. */
function describeRef(fullName: string): { kind: string; short: string; choice: 'branch' | 'remote' | 'tag' } | undefined {
  if (fullName.startsWith('refs/heads/')) return { kind: 'branch', short: fullName.slice('refs/heads/'.length), choice: 'branch' };
  if (fullName.startsWith('refs/remotes/')) return { kind: 'branch', short: fullName.slice('refs/remotes/'.length), choice: 'remote' };
  if (fullName.startsWith('refs/tags/')) return { kind: 'tag', short: fullName.slice('refs/tags/'.length), choice: 'tag' };
  return undefined;
}

/** What auto resolution starts from, from one git process: the current branch (short name, as `git symbolic-ref --short
 *  HEAD` gives it), the full name of its upstream (as `git rev-parse --symbolic-full-name @{upstream}`), and the branch
 *  origin/HEAD points at (as `git symbolic-ref refs/remotes/origin/HEAD`). A detached HEAD has no current branch. */
async function branchRefsOf(git: GitRunner): Promise<BranchRefs> {
  const result = await git.run([
    'for-each-ref',
    '--format=%(HEAD)%00%(refname)%00%(refname:short)%00%(upstream)%00%(symref)%00%(objectname)%00%(objecttype)',
    'refs/heads',
    'refs/remotes/origin/HEAD',
    ...FALLBACK_BASES,
  ]);
  if (result.code !== 0) return {};
  const listed = new Map<string, string | undefined>();
  const found: BranchRefs = { listed };
  for (const line of result.stdout.toString('utf8').split('\n')) {
    const [current, refname, short, upstream, symref, objectName, objectType] = line.split('\0');
    if (!refname) continue;
    listed.set(refname, objectType === 'commit' && objectName && isFullObjectId(objectName) ? objectName : undefined);
    if (refname === 'refs/remotes/origin/HEAD') {
      if (symref) found.originHead = symref;
    } else if (current === '*' && short) {
      found.branch = short;
      found.current = refname;
      if (upstream?.startsWith('refs/')) found.upstream = upstream;
    }
  }
  return found;
}

/** The commit of `ref` as the branch listing tells it: null when the listing shows there is no such ref, undefined when it
 *  cannot tell (the ref is not of those listed, names a tag object, or the listing failed). */
function listedCommit(refs: BranchRefs, ref: string): string | null | undefined {
  if (!refs.listed) return undefined;
  if (refs.listed.has(ref)) return refs.listed.get(ref);
  return ref.startsWith('refs/heads/') || FALLBACK_BASES.includes(ref) ? null : undefined;
}

/** Whether git's rename detection could pair anything between the base and the index: it pairs a path only the base has
 *  with one only the index has. An intent-to-add entry is absent to `git diff --cached` but here looks like an empty
 *  file, so an index with the empty blob is left to git. */
function mayPairRenames(base: Listing, index: Listing): boolean {
  if (index.hasEmptyBlob) return true;
  const holds = (listing: Listing, path: string) => listing.blobs.has(path) || listing.unavailable.has(path) || listing.otherPaths.has(path);
  const paths = (listing: Listing) => [...listing.blobs.keys(), ...listing.unavailable.keys(), ...listing.otherPaths];
  return paths(base).some((path) => !holds(index, path)) && paths(index).some((path) => !holds(base, path));
}

interface Settings {
  filterDrivers: string[];
  isPartialClone: boolean;
}

/** The two settings that change how files are read, from one `git config` call: the names of the filter drivers the
 *  repository configures (filter.<name>.clean and so on), and whether it lazily fetches missing objects from a promisor
 *  remote (a partial clone). */
async function configuredSettings(git: GitRunner): Promise<Settings> {
  const result = await git.run(['config', '--null', '--get-regexp', '^(filter\\..*|extensions\\.partialclone|remote\\..*\\.promisor)$']);
  const names = new Set<string>();
  let isPartialClone = false;
  if (result.code !== 0) return { filterDrivers: [], isPartialClone };
  for (const entry of result.stdout.toString('utf8').split('\0')) {
    // With --null, each entry is the key, then a line feed and the value when it has one.
    const newline = entry.indexOf('\n');
    const key = newline < 0 ? entry : entry.slice(0, newline);
    const value = newline < 0 ? '' : entry.slice(newline + 1);
    if (key.startsWith('filter.')) {
      const last = key.lastIndexOf('.');
      if (last > 'filter.'.length) names.add(key.slice('filter.'.length, last));
    } else if (key.startsWith('extensions.')) {
      if (value.trim() !== '') isPartialClone = true;
    } else if (key.startsWith('remote.')) {
      if (!/^(false|no|off|0)$/i.test(value.trim())) isPartialClone = true;
    }
  }
  return { filterDrivers: [...names], isPartialClone };
}
