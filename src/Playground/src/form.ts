// The params form, generated from /v1/sdlvariables: one field per variable, the input its type calls for, and a place
// under each for what validation says about it.
import type { Finding, Params, Variable } from './api';

const hexColour = /^#[0-9a-fA-F]{6}$/;

interface Field {
  variable: Variable;
  row: HTMLElement;
  value: () => string | undefined;
  findings: HTMLElement;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), properties);
}

export class ParamsForm {
  private readonly fields: Field[];
  private readonly general: HTMLElement;

  /** Builds the fields into container; onChange runs on every edit. */
  constructor(container: HTMLElement, variables: Variable[], choices: Map<string, string[]>, onChange: () => void) {
    container.replaceChildren();
    this.fields = variables.map((variable) => this.field(variable, choices.get(variable.name), onChange));
    for (const field of this.fields) container.append(field.row);
    if (variables.length === 0) container.append(element('p', { className: 'hint', textContent: 'This movie has no variables.' }));
    this.general = element('ul', { className: 'findings general' });
    container.append(this.general);
  }

  /** The params to send: every field with a value; an empty field is left out so the movie's default applies. */
  params(): Params {
    const params: Params = {};
    for (const field of this.fields) {
      const value = field.value();
      if (value !== undefined && value !== '') params[field.variable.name] = value;
    }
    return params;
  }

  /**
   * Shows each error and warning under the field it is about: a param's own path (params.name), or a message naming
   * the variable in quotes, as the bind step's errors do ("The color from 'tint' is …"); the rest in a list below.
   */
  show(errors: Finding[], warnings: Finding[]): void {
    for (const field of this.fields) {
      field.findings.replaceChildren();
      field.row.classList.remove('invalid');
    }
    this.general.replaceChildren();
    const place = (finding: Finding, kind: 'error' | 'warning') => {
      const field = this.fields.find((f) => finding.path === `params.${f.variable.name}` || finding.message.includes(`'${f.variable.name}'`));
      const item = element('li', { className: kind, textContent: field ? finding.message : `${finding.path}: ${finding.message}` });
      if (field) {
        field.findings.append(item);
        if (kind === 'error') field.row.classList.add('invalid');
      } else {
        this.general.append(item);
      }
    };
    for (const finding of errors) place(finding, 'error');
    for (const finding of warnings) place(finding, 'warning');
  }

  private field(variable: Variable, choices: string[] | undefined, onChange: () => void): Field {
    const row = element('div', { className: 'field' });
    row.dataset.param = variable.name;
    row.dataset.type = choices ? 'choice' : variable.type;
    const id = `param-${variable.name}`;
    const label = element('label', { htmlFor: id, textContent: variable.name });
    label.append(element('span', { className: 'type', textContent: choices ? 'choice' : variable.type }));
    const findings = element('ul', { className: 'findings' });
    const fallback = variable.defaultvalue ?? '';
    let value: () => string | undefined;
    const controls = element('div', { className: 'controls' });

    if (choices) {
      const select = element('select', { id });
      select.append(element('option', { value: '', textContent: fallback ? `(default: ${fallback})` : '(default scene)' }));
      for (const choice of choices) select.append(element('option', { value: choice, textContent: choice }));
      select.addEventListener('change', onChange);
      controls.append(select);
      value = () => select.value;
    } else if (variable.type === 'boolean') {
      const box = element('input', { id, type: 'checkbox' });
      box.addEventListener('change', onChange);
      controls.append(box);
      value = () => (box.checked ? 'true' : 'false');
    } else if (variable.type === 'color') {
      // The picker only knows #rrggbb; the text beside it takes any colour the format does (#rgb, #rrggbbaa) and is
      // what is sent.
      const picker = element('input', { type: 'color', value: hexColour.test(fallback) ? fallback : '#000000', title: 'pick a colour' });
      const text = element('input', { id, type: 'text', placeholder: fallback, spellcheck: false });
      picker.addEventListener('input', () => {
        text.value = picker.value;
        onChange();
      });
      text.addEventListener('input', () => {
        if (hexColour.test(text.value)) picker.value = text.value;
        onChange();
      });
      controls.append(picker, text);
      value = () => text.value.trim();
    } else {
      const input = element('input', {
        id,
        type: variable.type === 'number' ? 'number' : variable.type === 'url' ? 'url' : 'text',
        placeholder: fallback,
      });
      if (variable.type === 'number') input.step = 'any';
      input.addEventListener('input', onChange);
      controls.append(input);
      value = () => input.value;
    }

    row.append(label, controls, findings);
    return { variable, row, value, findings };
  }
}
