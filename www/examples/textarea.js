// Example: a plain <textarea>. Importing the panel module defines
// <ngoaivu-panel>; its for="body" attribute attaches it to the textarea and
// it re-analyzes on every input event. In a CMS: `import 'ngoaivu/panel';`.
import '../../js/panel.js';

document.body.dataset.ready = 'true';
