import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';

/** A question as the workbench asks it, the text a scripted answer is matched against. */
export interface Question {
  readonly kind: 'choice' | 'input' | 'pick';
  /** The message, or the title, prompt and placeholder of a box, joined. */
  readonly text: string;
  /** A modal's detail: what the choice would change. */
  readonly detail?: string;
}

/** An answer given in place of a user: a choice's or an item's label, a typed text, or undefined for Escape. */
export interface ScriptedAnswer {
  /** Answers the first question whose text contains this, or matches it. */
  readonly to: string | RegExp;
  readonly answer: string | undefined;
  /** Answers every such question until the script is cleared, not only the first. */
  readonly always?: boolean;
}

/**
 * Every question the workbench asks a user goes through here: modal choices, input boxes and
 * quick picks. The extension-host tests answer them through `script`, which only the test
 * API returns, so no command argument can skip a question.
 */
export class Prompts {
  private readonly scripted: ScriptedAnswer[] = [];
  private readonly _asked: Question[] = [];

  /** Queues answers; each is used once, by the first question it matches, unless it is `always`. */
  script(...answers: ScriptedAnswer[]): void {
    this.scripted.push(...answers);
  }

  /** Answers still queued: a test checks that every question it expected was asked. */
  get unanswered(): readonly ScriptedAnswer[] {
    return this.scripted.filter((a) => !a.always);
  }

  /** The questions the script answered, in order: a test reads what the user would have read. */
  get asked(): readonly Question[] {
    return [...this._asked];
  }

  clearScript(): void {
    this.scripted.length = 0;
    this._asked.length = 0;
  }

  /** A modal that names what goes; true only when the user chose `action`. */
  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    return (await this.choose(message, { modal: true, detail }, action)) === action;
  }

  async choose<T extends string>(
    message: string,
    options: vscode.MessageOptions,
    ...choices: T[]
  ): Promise<T | undefined> {
    const scripted = this.take({ kind: 'choice', text: message, detail: options.detail });
    if (scripted) {
      return checkedChoice(scripted, choices, message);
    }
    return vscode.window.showWarningMessage(message, options, ...choices);
  }

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const scripted = this.take({ kind: 'input', text: boxText(options) });
    if (!scripted) {
      return vscode.window.showInputBox(options);
    }
    const invalid = scripted.answer === undefined ? undefined : await options.validateInput?.(scripted.answer);
    if (invalid) {
      // What the user would read under the box, which would not let them press Enter.
      throw new UserError(messageOf(invalid), vscode.l10n.t('The input box refused the answer: type another.'));
    }
    return scripted.answer;
  }

  async pick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Thenable<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined> {
    const scripted = this.take({ kind: 'pick', text: boxText(options) });
    if (!scripted) {
      return vscode.window.showQuickPick(items, options);
    }
    if (scripted.answer === undefined) {
      return undefined;
    }
    const all = await items;
    // By its label, or the start of it: "Response status" for the row "Response status: 200".
    const item = all.find((i) => i.label === scripted.answer) ?? all.find((i) => i.label.startsWith(scripted.answer!));
    if (!item) {
      throw new Error(`No item "${scripted.answer}" in "${boxText(options)}": ${all.map((i) => i.label).join(', ')}`);
    }
    return item;
  }

  /** The scripted answer to a question asked by a picker of its own, such as a paged one. */
  take(question: Question): { answer: string | undefined } | undefined {
    const i = this.scripted.findIndex(({ to }) =>
      typeof to === 'string' ? question.text.includes(to) : to.test(question.text),
    );
    if (i < 0) {
      return undefined;
    }
    this._asked.push(question);
    return this.scripted[i].always ? this.scripted[i] : this.scripted.splice(i, 1)[0];
  }
}

function checkedChoice<T extends string>(scripted: { answer: string | undefined }, choices: T[], message: string) {
  if (scripted.answer !== undefined && !choices.includes(scripted.answer as T)) {
    throw new Error(`"${message}" offers ${choices.join(', ')}, not the scripted ${scripted.answer}`);
  }
  return scripted.answer as T | undefined;
}

function boxText(options: { title?: string; prompt?: string; placeHolder?: string }): string {
  return [options.title, options.prompt, options.placeHolder].filter(Boolean).join(' · ');
}

function messageOf(invalid: string | vscode.InputBoxValidationMessage): string {
  return typeof invalid === 'string' ? invalid : invalid.message;
}

/** The one instance: questions asked anywhere in the extension reach the same script. */
export const prompts = new Prompts();
