// The in-browser editor: bpmn-js Modeler with the properties panel and Camunda 7 extension attributes.
// The page's #editor element carries the URLs and the texts (in the user's language):
//   data-xml-url, data-validate-url, data-drafts-url, data-draft-page, data-resource-name
//   data-msg-valid, data-msg-invalid, data-msg-saved, data-msg-failed, data-msg-note-required
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { csrfHeaders, fetchText, mark, unmarkAll } from './common.js';

const root = document.getElementById('editor');
const messages = root.dataset;
const status = document.getElementById('editor-status');
const list = document.getElementById('violations');

const modeler = new BpmnModeler({
  container: '#canvas',
  keyboard: { bindTo: document },
  propertiesPanel: { parent: '#properties' },
  additionalModules: [
    BpmnPropertiesPanelModule,
    BpmnPropertiesProviderModule,
    CamundaPlatformPropertiesProviderModule,
    CamundaBehaviorsModule
  ],
  moddleExtensions: { camunda: camundaModdle }
});
window.probityModeler = modeler;

function say(text, isError) {
  status.textContent = text;
  status.classList.toggle('error', !!isError);
}

/** Lists the violations, each a button that selects its element; marks them on the canvas. */
function showViolations(violations) {
  unmarkAll(modeler, 'probity-violation');
  list.replaceChildren();
  for (const v of violations || []) {
    const item = document.createElement('li');
    item.dataset.element = v.elementId || '';
    if (v.elementId) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = v.elementId;
      button.addEventListener('click', () => {
        const element = modeler.get('elementRegistry').get(v.elementId);
        if (element) {
          modeler.get('selection').select(element);
          modeler.get('canvas').scrollToElement(element);
        }
      });
      item.append(button, ': ');
    }
    item.append(v.rule + ' — ' + v.message);
    list.append(item);
  }
  mark(modeler, (violations || []).map((v) => v.elementId).filter(Boolean), 'probity-violation');
}

async function currentXml() {
  const { xml } = await modeler.saveXML({ format: true });
  return xml;
}

async function validate() {
  const response = await fetch(messages.validateUrl + '?name=' + encodeURIComponent(messages.resourceName), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'text/xml', Accept: 'application/json', ...csrfHeaders() },
    body: await currentXml()
  });
  const answer = await response.json();
  if (!response.ok) {
    say(messages.msgFailed + ': ' + (answer.message || response.status), true);
    return;
  }
  showViolations(answer.violations);
  say(answer.valid ? messages.msgValid : messages.msgInvalid, !answer.valid);
}

async function saveDraft(event) {
  event.preventDefault();
  const note = document.getElementById('change-note');
  if (!note.value.trim()) {
    say(messages.msgNoteRequired, true);
    note.setAttribute('aria-invalid', 'true');
    note.focus();
    return;
  }
  note.removeAttribute('aria-invalid');
  const response = await fetch(messages.draftsUrl, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
    body: JSON.stringify({ bpmn: await currentXml(), changeNote: note.value })
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 201) {
    say(messages.msgSaved);
    window.location.assign(messages.draftPage + answer.id);
    return;
  }
  showViolations(answer.violations);
  const fields = answer.fields ? Object.entries(answer.fields).map(([f, m]) => f + ': ' + m).join('; ') : '';
  say(messages.msgFailed + ': ' + (answer.message || response.status) + (fields ? ' (' + fields + ')' : ''), true);
}

async function open() {
  try {
    await modeler.importXML(await fetchText(messages.xmlUrl));
    modeler.get('canvas').zoom('fit-viewport', 'auto');
    root.dataset.ready = 'true';
  } catch (error) {
    root.dataset.ready = 'error';
    say(messages.msgFailed + ': ' + error.message, true);
  }
}

document.getElementById('validate').addEventListener('click', () => validate().catch((e) => say(e.message, true)));
document.getElementById('draft-form').addEventListener('submit', (e) => saveDraft(e).catch((err) => say(err.message, true)));
open();
