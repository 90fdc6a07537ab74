// Read-only diagrams on the admin and case pages. Each element with data-bpmn-xml gets a viewer:
//   data-bpmn-xml      URL of the BPMN XML
//   data-path-url      optional: URL of an executed path {completedActivityIds, takenFlowIds, currentActivityIds}
//   data-violations    optional: JSON array of element ids that break a rule
//   data-status        optional: id of an element that receives a status message
// When done the container carries data-ready="true" (and data-marked with the marked ids).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { fetchJson, fetchText, mark } from './common.js';

async function show(container) {
  const status = container.dataset.status ? document.getElementById(container.dataset.status) : null;
  const viewer = new NavigatedViewer({ container });
  container.bpmnViewer = viewer;
  try {
    await viewer.importXML(await fetchText(container.dataset.bpmnXml));
    viewer.get('canvas').zoom('fit-viewport', 'auto');
    const marked = [];
    if (container.dataset.pathUrl) {
      const path = await fetchJson(container.dataset.pathUrl);
      mark(viewer, path.completedActivityIds, 'probity-done');
      mark(viewer, path.takenFlowIds, 'probity-taken');
      mark(viewer, path.currentActivityIds, 'probity-current');
      marked.push(...path.completedActivityIds, ...path.takenFlowIds, ...path.currentActivityIds);
    }
    if (container.dataset.violations) {
      const ids = JSON.parse(container.dataset.violations);
      mark(viewer, ids, 'probity-violation');
      marked.push(...ids);
    }
    container.dataset.marked = marked.join(' ');
    container.dataset.ready = 'true';
  } catch (error) {
    container.dataset.ready = 'error';
    if (status) {
      status.textContent = (status.dataset.failed || 'The diagram cannot be shown') + ': ' + error.message;
    }
  }
}

document.querySelectorAll('[data-bpmn-xml]').forEach(show);
