import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

// An architecture test: every service method that makes content public — inserts a thread, a
// reply or a comment, publishes a blog post, or changes a post's body — must call the
// moderation gate (`content.moderate(`) inside its `content.transaction(` (which records a
// rejected attempt after the rollback). HTTP and WebSocket both reach content only through
// these services, so neither can bypass the policy.

const LIBS = join(__dirname, '..', '..');
const SERVICE_DIRS = ['forums/src', 'blogs/src'];

/** What a method does that makes content public. */
const WRITES = [/(manager|this\.content)\.insert\((manager, )?(ThreadEntity|ReplyEntity|BlogCommentEntity)/u, /state = BlogPostState\.Published/u, /body:\s*input\.body|Object\.assign\(row, (next|\{ title, body)/u];

/** Writes no reader sees: a blog draft is its authors' alone until `publish`, which is guarded. */
const PRIVATE_WRITES = new Set(['blogs/src/blogs.service.ts create']);

interface Method {
  file: string;
  name: string;
  text: string;
}

function serviceMethods(): Method[] {
  const methods: Method[] = [];
  for (const dir of SERVICE_DIRS) {
    for (const file of readdirSync(join(LIBS, dir)).filter((f) => f.endsWith('.service.ts'))) {
      const path = join(LIBS, dir, file);
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isMethodDeclaration(node) && node.body) methods.push({ file: `${dir}/${file}`, name: node.name.getText(source), text: node.body.getText(source) });
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return methods;
}

describe('content write paths', () => {
  const methods = serviceMethods();
  const writers = methods.filter((m) => WRITES.some((w) => w.test(m.text)) && !PRIVATE_WRITES.has(`${m.file} ${m.name}`));

  it('finds the write paths it guards', () => {
    // If these disappear the patterns above no longer recognise the writes: update them.
    expect(writers.map((m) => m.name).sort()).toEqual(['comment', 'create', 'edit', 'editReply', 'publish', 'reply', 'update']);
  });

  it.each(writers.map((m) => [`${m.file} ${m.name}`, m]))('%s calls the moderation gate in its transaction', (_label, method) => {
    const { text } = method as Method;
    expect(text).toMatch(/this\.content\.transaction\(/u);
    expect(text).toMatch(/this\.content\.moderate\(/u);
  });
});
