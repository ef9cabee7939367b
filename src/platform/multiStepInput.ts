import * as vscode from 'vscode';

export interface InputStep {
  readonly title: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly value?: string;
  /** A message saying what is wrong, or undefined when the value is acceptable. */
  validate(value: string): string | undefined | Promise<string | undefined>;
}

/**
 * Asks for each step's value in one input box, checking each value as it is typed, with a
 * Back button. Resolves to the values in step order, or undefined when the user cancels.
 */
export async function multiStepInput(steps: readonly InputStep[]): Promise<string[] | undefined> {
  const values = steps.map((s) => s.value ?? '');
  const box = vscode.window.createInputBox();
  box.ignoreFocusOut = true;
  try {
    let index = 0;
    while (index < steps.length) {
      const result = await ask(box, steps[index], values[index], index, steps.length);
      if (result === undefined) {
        return undefined;
      }
      if (result === BACK) {
        index = Math.max(0, index - 1);
        continue;
      }
      values[index] = result;
      index++;
    }
    return values.map((v) => v.trim());
  } finally {
    box.dispose();
  }
}

const BACK = Symbol('back');

function ask(
  box: vscode.InputBox,
  step: InputStep,
  value: string,
  index: number,
  total: number,
): Promise<string | typeof BACK | undefined> {
  box.title = step.title;
  box.prompt = step.prompt;
  box.placeholder = step.placeholder;
  box.value = value;
  box.step = index + 1;
  box.totalSteps = total;
  box.buttons = index > 0 ? [vscode.QuickInputButtons.Back] : [];
  box.validationMessage = undefined;
  return new Promise((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    let generation = 0;
    const finish = (result: string | typeof BACK | undefined) => {
      for (const subscription of subscriptions) {
        subscription.dispose();
      }
      resolve(result);
    };
    const check = async (text: string): Promise<boolean> => {
      const mine = ++generation;
      box.busy = true;
      const message = await step.validate(text);
      if (mine === generation) {
        box.busy = false;
        box.validationMessage = message;
      }
      return message === undefined;
    };
    subscriptions.push(
      box.onDidChangeValue((text) => void check(text)),
      box.onDidAccept(async () => {
        box.enabled = false;
        const ok = await check(box.value);
        box.enabled = true;
        if (ok) {
          finish(box.value);
        }
      }),
      box.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) {
          finish(BACK);
        }
      }),
      box.onDidHide(() => finish(undefined)),
    );
    box.show();
    if (value) {
      void check(value);
    }
  });
}
