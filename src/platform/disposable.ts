import * as vscode from 'vscode';

/** Owns child disposables and disposes them, newest first, with itself. */
export abstract class Disposable implements vscode.Disposable {
  private readonly _disposables: vscode.Disposable[] = [];
  private _isDisposed = false;

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this._isDisposed) {
      value.dispose();
    } else {
      this._disposables.push(value);
    }
    return value;
  }

  /** Disposes every child, newest first, even when one throws; then throws what they threw. */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    const errors: unknown[] = [];
    while (this._disposables.length) {
      try {
        this._disposables.pop()!.dispose();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length === 1) {
      throw errors[0];
    }
    if (errors.length > 1) {
      throw new AggregateError(errors, `${errors.length} parts failed to dispose`);
    }
  }
}

/** Holds one disposable at a time: setting a new one disposes the old. */
export class SerialDisposable implements vscode.Disposable {
  private _value: vscode.Disposable | undefined;

  set value(next: vscode.Disposable | undefined) {
    this._value?.dispose();
    this._value = next;
  }

  dispose(): void {
    this.value = undefined;
  }
}
