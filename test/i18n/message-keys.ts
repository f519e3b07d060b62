/**
 * The message keys product code uses, read from its syntax (no type checker needed): string
 * literals given to `t(…)` or `….getMessage(…)` (both arms of a `cond ? 'a' : 'b'` too), and
 * `__MSG_key__` in the manifest and HTML. A key built from a template literal inside such a call
 * is reported as dynamic: dynamic keys go through the typed maps of components/labels.ts.
 */
import ts from 'typescript';

export interface KeyUse {
  key: string;
  file: string;
  line: number;
}

export interface KeyScan {
  used: KeyUse[];
  /** Calls whose key is a template with substitutions (`t(`status_${s}`)`), as `file:line`. */
  dynamic: string[];
}

function literalsIn(node: ts.Node, out: ts.StringLiteralLike[], dynamic: ts.Node[]): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node);
  else if (ts.isTemplateExpression(node)) dynamic.push(node);
  else if (ts.isConditionalExpression(node)) {
    literalsIn(node.whenTrue, out, dynamic);
    literalsIn(node.whenFalse, out, dynamic);
  } else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) literalsIn(node.expression, out, dynamic);
  else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
    literalsIn(node.left, out, dynamic);
    literalsIn(node.right, out, dynamic);
  }
}

const isMessageCall = (call: ts.CallExpression) =>
  (ts.isIdentifier(call.expression) && call.expression.text === 't') ||
  (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'getMessage');

/** The keys one TypeScript source uses. */
export function scanSource(file: string, text: string): KeyScan {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const scan: KeyScan = { used: [], dynamic: [] };
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && isMessageCall(node) && node.arguments[0]) {
      const lits: ts.StringLiteralLike[] = [];
      const dyn: ts.Node[] = [];
      literalsIn(node.arguments[0], lits, dyn);
      for (const l of lits) scan.used.push({ key: l.text, file, line: lineOf(l) });
      for (const d of dyn) scan.dynamic.push(`${file}:${lineOf(d)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return scan;
}

/** `__MSG_key__` references (manifest fields, HTML). */
export function manifestKeys(file: string, text: string): KeyUse[] {
  return [...text.matchAll(/__MSG_(\w+?)__/g)].map((m) => ({
    key: m[1]!,
    file,
    line: text.slice(0, m.index).split('\n').length,
  }));
}
