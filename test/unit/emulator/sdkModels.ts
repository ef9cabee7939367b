import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** A field's type as an OCI SDK model declares it. */
export type FieldType =
  | { kind: 'string' | 'number' | 'boolean' | 'date' | 'any' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'model'; name: string }
  | { kind: 'array' | 'map'; of: FieldType }
  | { kind: 'union'; of: FieldType[] };

export interface ModelField {
  readonly name: string;
  readonly required: boolean;
  readonly type: FieldType;
}

export interface Model {
  readonly name: string;
  readonly fields: ModelField[];
  /** For a subtype: the field and value that select it, such as actionType "ONS". */
  readonly discriminator?: { field: string; value: string };
  readonly parent?: string;
}

/** What an SDK client reads of one operation's response: its method, path, body type and headers. */
export interface ClientOperation {
  readonly method: string;
  readonly path: string;
  readonly body?: FieldType;
  readonly headers: string[];
}

/**
 * The models of an OCI SDK package, read from its lib/model/*.d.ts with the TypeScript compiler,
 * so a test checks the emulator against the SDK's declarations rather than a copy of them.
 */
export function readModels(packageDir: string): Map<string, Model> {
  const dir = path.join(packageDir, 'lib', 'model');
  const models = new Map<string, Model>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.d.ts') && f !== 'index.d.ts')) {
    const source = ts.createSourceFile(file, readFileSync(path.join(dir, file), 'utf8'), ts.ScriptTarget.Latest);
    const enums = new Map<string, string[]>();
    let discriminator: Model['discriminator'];
    let declared: ts.InterfaceDeclaration | undefined;
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement)) {
        declared = statement;
      } else if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
        for (const member of statement.body.statements) {
          if (ts.isEnumDeclaration(member)) {
            const values = member.members
              .map((m) => (m.initializer && ts.isStringLiteral(m.initializer) ? m.initializer.text : ''))
              .filter((v) => v && v !== 'UNKNOWN_VALUE');
            enums.set(`${statement.name.text}.${member.name.text}`, values);
          } else if (ts.isVariableStatement(member)) {
            const [declaration] = member.declarationList.declarations;
            if (
              declaration.initializer &&
              ts.isStringLiteral(declaration.initializer) &&
              ts.isIdentifier(declaration.name)
            ) {
              discriminator = { field: declaration.name.text, value: declaration.initializer.text };
            }
          }
        }
      }
    }
    if (!declared) {
      continue;
    }
    const parentType = declared.heritageClauses?.[0]?.types[0]?.expression;
    const fields = declared.members.filter(ts.isPropertySignature).map((member) => ({
      name: (member.name as ts.StringLiteral | ts.Identifier).text,
      required: !member.questionToken,
      type: typeOf(member.type!, enums, source),
    }));
    models.set(declared.name.text, {
      name: declared.name.text,
      fields,
      discriminator,
      parent: parentType && ts.isPropertyAccessExpression(parentType) ? parentType.name.text : undefined,
    });
  }
  return models;
}

function typeOf(node: ts.TypeNode, enums: Map<string, string[]>, source: ts.SourceFile): FieldType {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
    case ts.SyntaxKind.AnyKeyword:
      return { kind: 'any' };
  }
  if (ts.isUnionTypeNode(node)) {
    return { kind: 'union', of: node.types.map((t) => typeOf(t, enums, source)) };
  }
  if (ts.isArrayTypeNode(node)) {
    return { kind: 'array', of: typeOf(node.elementType, enums, source) };
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index) {
      return { kind: 'map', of: typeOf(index.type, enums, source) };
    }
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(source);
    if (name === 'Date') {
      return { kind: 'date' };
    }
    if (name === 'Array' && node.typeArguments?.length === 1) {
      return { kind: 'array', of: typeOf(node.typeArguments[0], enums, source) };
    }
    const values = enums.get(name);
    if (values) {
      return { kind: 'enum', values };
    }
    if (name.startsWith('model.')) {
      return { kind: 'model', name: name.slice('model.'.length) };
    }
  }
  throw new Error(`The SDK declares a type this reader does not know: ${node.getText(source)}`);
}

/** Each operation of an SDK package's clients, read from lib/client.js. */
export function readClientOperations(packageDir: string): Map<string, ClientOperation> {
  const text = readFileSync(path.join(packageDir, 'lib', 'client.js'), 'utf8');
  const operations = new Map<string, ClientOperation>();
  const starts = [...text.matchAll(/const operationName = "(\w+)";/g)];
  starts.forEach((start, i) => {
    const chunk = text.slice(start.index, starts[i + 1]?.index ?? text.length);
    const type = /type: "([^"]+)"/.exec(chunk)?.[1];
    operations.set(start[1], {
      method: /method: "(\w+)"/.exec(chunk)![1],
      path: /path: "([^"]+)"/.exec(chunk)![1],
      body: type ? bodyType(type) : undefined,
      headers: [...chunk.matchAll(/response\.headers\.get\("([^"]+)"\)/g)].map((m) => m[1]),
    });
  });
  return operations;
}

function bodyType(type: string): FieldType {
  const array = /^Array<model\.(\w+)>$/.exec(type);
  if (array) {
    return { kind: 'array', of: { kind: 'model', name: array[1] } };
  }
  if (type.startsWith('model.')) {
    return { kind: 'model', name: type.slice('model.'.length) };
  }
  return { kind: type === 'string' ? 'string' : 'any' };
}
