import { getNodeValue, Node, parseTree, ParseError } from 'jsonc-parser';
import { EventTypeCatalogue } from './catalogue';
import { byDistance } from './editDistance';
import { isDataOnlyField } from './envelopeFields';
import { tooDeepAt } from '../json/jsonDepth';
import { Finding, finding, Fix, tooDeepFinding } from './findings';
import { appendProperty, removeProperty } from './propertyEdits';
import { hclAssignment, syntaxFindings } from './syntaxFindings';
import { hasWildcard } from './wildcard';
import { TextEdit } from '../text/textEdits';

export interface ConditionAnalysis {
  readonly findings: Finding[];
  /** The tolerant parse tree, for completion and hover; present even when the text has errors. */
  readonly root: Node | undefined;
}

/**
 * Everything OCI would refuse in a rule condition, and everything that would make a valid
 * condition match nothing, each with the range it is about and a fix where one exists.
 */
export function analyzeCondition(text: string, catalogue: EventTypeCatalogue): ConditionAnalysis {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return { root: undefined, findings: [tooDeepFinding('condition', deep)] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const hcl = hclAssignment(text);
    if (hcl) {
      return {
        root,
        findings: [
          finding(
            'hcl-syntax',
            'A rule condition must be JSON, not HCL or Terraform: write {"eventType": ["…"]} with quoted keys and ":" (in Terraform, wrap it in jsonencode()).',
            hcl.offset,
            hcl.length,
          ),
        ],
      };
    }
  }
  const findings = syntaxFindings(text, errors);
  if (!root) {
    return { root, findings };
  }
  return { root, findings: [...findings, ...new Checker(text, catalogue).check(root)] };
}

/** What a condition must be, said wherever one that is not is refused. */
export const CONDITION_SHAPE = 'A rule condition is a JSON object, such as {"eventType": "…"}.';

class Checker {
  private readonly findings: Finding[] = [];

  constructor(
    private readonly text: string,
    private readonly catalogue: EventTypeCatalogue,
  ) {}

  check(root: Node): Finding[] {
    if (root.type !== 'object') {
      this.add(finding('not-an-object', CONDITION_SHAPE, root.offset, root.length));
      return this.findings;
    }
    if (!root.children?.length) {
      this.add(
        finding(
          'matches-everything',
          '{} matches every event in the rule’s compartment and its child compartments.',
          root.offset,
          root.length,
        ),
      );
    }
    this.object(root, []);
    this.topLevel(root);
    return this.findings;
  }

  private add(f: Finding): void {
    this.findings.push(f);
  }

  private object(node: Node, path: readonly string[]): void {
    const seen = new Map<string, Node>();
    for (const [index, property] of (node.children ?? []).entries()) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || keyNode.type !== 'string') {
        continue;
      }
      const key = keyNode.value as string;
      const first = seen.get(key);
      if (first) {
        this.add(this.duplicate(key, first, property, index));
      } else {
        seen.set(key, property);
      }
      if (key.includes('*')) {
        this.add(
          finding(
            'wildcard-in-key',
            `"*" is a wildcard only in values; as a key, "${key}" names no field. Write the full field name.`,
            keyNode.offset,
            keyNode.length,
          ),
        );
      }
      if (key === 'freeFormTags') {
        this.add(
          finding(
            'freeform-tags-case',
            'Real events carry "freeformTags" (the docs spell it "freeFormTags"), so this matches nothing. Rename it.',
            keyNode.offset,
            keyNode.length,
            [
              {
                title: 'Rename to "freeformTags"',
                edits: [{ offset: keyNode.offset, length: keyNode.length, newText: '"freeformTags"' }],
              },
            ],
          ),
        );
      }
      if (valueNode) {
        this.value(valueNode, [...path, key]);
      }
    }
  }

  private value(node: Node, path: readonly string[]): void {
    switch (node.type) {
      case 'object':
        this.object(node, path);
        return;
      case 'array':
        if (!node.children?.length) {
          this.add(
            finding(
              'empty-array',
              `An empty array matches nothing: list at least one value for "${path.join('.')}", or remove the field.`,
              node.offset,
              node.length,
              fixOf(`Remove "${path[path.length - 1]}"`, removeProperty(node.parent!)),
            ),
          );
        }
        for (const element of node.children ?? []) {
          if (element.type === 'object' || element.type === 'array') {
            this.add(this.notAString(element, path));
          } else {
            this.value(element, path);
          }
        }
        return;
      case 'string':
        if (node.value === '*') {
          this.add(
            finding(
              'lone-wildcard',
              `"*" matches any value of "${path.join('.')}" except null, and only when the event has the field.`,
              node.offset,
              node.length,
            ),
          );
        }
        return;
      default:
        this.add(this.notAString(node, path));
    }
  }

  private notAString(node: Node, path: readonly string[]): Finding {
    const raw = this.text.slice(node.offset, node.offset + node.length);
    const fixes: Fix[] =
      node.type === 'number' || node.type === 'boolean'
        ? [
            {
              title: `Write it as the string "${raw}"`,
              edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(raw) }],
            },
          ]
        : [];
    // The docs describe matching only for string values; how OCI compares anything else is not documented.
    const what = node.type === 'null' ? 'null' : `a ${node.type}`;
    return finding(
      'non-string-value',
      `"${path.join('.')}" is ${what}: event fields hold strings, and OCI documents matching only for strings (a lone "*" does not match null). ${fixes.length ? `Write it as "${raw}".` : 'Use a string value.'}`,
      node.offset,
      node.length,
      fixes,
    );
  }

  private duplicate(key: string, first: Node, second: Node, secondIndex: number): Finding {
    const firstValue = first.children?.[1];
    const values = [firstValue, second.children?.[1]].map((v) => (v ? (getNodeValue(v) as unknown) : undefined));
    const merged = values.every(isStrings) ? [...new Set(values.flat())] : undefined;
    const fixes =
      firstValue && merged
        ? fixOf(
            `Merge both values of "${key}" into one array`,
            {
              offset: firstValue.offset,
              length: firstValue.length,
              newText: `[${merged.map((v) => JSON.stringify(v)).join(', ')}]`,
            },
            removeProperty(second, secondIndex),
          )
        : [];
    const keyNode = second.children![0];
    return finding(
      'duplicate-key',
      `"${key}" appears twice in this object: OCI refuses it or keeps only one. Use one "${key}" with an array of values (arrays are OR).`,
      keyNode.offset,
      keyNode.length,
      fixes,
    );
  }

  private topLevel(root: Node): void {
    // A move into "data" needs "data" to be an object, or absent; a string or list there has its own finding.
    const data = root.children?.find((p) => p.children?.[0]?.value === 'data')?.children?.[1];
    const canMove = !data || data.type === 'object';
    for (const [index, property] of (root.children ?? []).entries()) {
      const [keyNode, valueNode] = property.children ?? [];
      const key: unknown = keyNode?.value;
      if (typeof key === 'string' && isDataOnlyField(key) && valueNode) {
        const written = this.text.slice(valueNode.offset, valueNode.offset + valueNode.length);
        this.add(
          finding(
            'misplaced-data-field',
            `"${key}" is a payload field: events carry it under "data", so at the top level it matches nothing. Move it into "data".`,
            keyNode.offset,
            keyNode.length,
            !canMove
              ? []
              : data
                ? fixOf(
                    `Move "${key}" into "data"`,
                    removeProperty(property, index),
                    appendProperty(data, key, written),
                  )
                : [
                    {
                      title: `Move "${key}" into "data"`,
                      edits: [
                        {
                          offset: property.offset,
                          length: property.length,
                          newText: `"data": {${JSON.stringify(key)}: ${written}}`,
                        },
                      ],
                    },
                  ],
          ),
        );
      }
    }
    const eventType = root.children?.find((p) => p.children?.[0]?.value === 'eventType')?.children?.[1];
    const typeNodes = eventType ? (eventType.type === 'array' ? (eventType.children ?? []) : [eventType]) : [];
    const types = typeNodes.filter((n) => n.type === 'string');
    types.forEach((n) => this.eventType(n));
    const details = root.children
      ?.find((p) => p.children?.[0]?.value === 'data')
      ?.children?.[1]?.children?.find((p) => p.children?.[0]?.value === 'additionalDetails')?.children?.[1];
    if (details?.type === 'object' && types.length) {
      this.additionalDetails(
        details,
        types.map((n) => n.value as string),
      );
    }
  }

  private eventType(node: Node): void {
    const value = node.value as string;
    const replace = (title: string, newText: string): Fix => ({
      title,
      edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(newText) }],
    });
    if (value !== value.toLowerCase()) {
      this.add(
        finding(
          'event-type-case',
          `Event types are lower case, and matching is case-sensitive as far as is known: write "${value.toLowerCase()}".`,
          node.offset,
          node.length,
          [replace(`Change to "${value.toLowerCase()}"`, value.toLowerCase())],
        ),
      );
    }
    if (this.catalogue.matching(value.toLowerCase()).length) {
      return;
    }
    if (hasWildcard(value)) {
      this.add(
        finding(
          'unknown-event-type',
          `"${value}" matches no event type in the catalogue, so the rule may never fire. Check the pattern, or add your type to .oew/event-types.json.`,
          node.offset,
          node.length,
        ),
      );
      return;
    }
    const suggestions = this.catalogue.suggest(value);
    this.add(
      finding(
        'unknown-event-type',
        `"${value}" is not a known event type${suggestions.length ? `: did you mean "${suggestions[0]}"?` : '.'} If it is yours, add it to .oew/event-types.json.`,
        node.offset,
        node.length,
        suggestions.map((s) => replace(`Change to "${s}"`, s)),
      ),
    );
  }

  private additionalDetails(node: Node, eventTypes: string[]): void {
    const known = this.catalogue.additionalDetailKeys(eventTypes);
    if (!known) {
      return;
    }
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      const key = keyNode?.value as string | undefined;
      if (!keyNode || key === undefined || known.has(key)) {
        continue;
      }
      const limit = Math.max(3, Math.floor(key.length / 4));
      const nearest = byDistance(key, known, limit)[0];
      // A suggestion only for a likely typo: a name far from every known key gets the list alone.
      const closest = nearest && nearest.distance <= limit ? nearest.candidate : undefined;
      this.add(
        finding(
          'unknown-additional-detail',
          `No catalogued event of these types carries additionalDetails.${key}; they carry ${[...known].sort().join(', ')}.${closest ? ` Did you mean "${closest}"?` : ''}`,
          keyNode.offset,
          keyNode.length,
          closest
            ? [
                {
                  title: `Change to "${closest}"`,
                  edits: [{ offset: keyNode.offset, length: keyNode.length, newText: JSON.stringify(closest) }],
                },
              ]
            : [],
        ),
      );
    }
  }
}

function isStrings(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((e) => typeof e === 'string'));
}

/** A fix of these edits, or none when one of them cannot be made (a property outside an object). */
function fixOf(title: string, ...edits: (TextEdit | undefined)[]): Fix[] {
  return edits.every((e) => e !== undefined) ? [{ title, edits }] : [];
}
