// Example: CKEditor 5 (ClassicEditor) with <ngoaivu-panel> beside it. The
// editable is a contenteditable `.ck-editor__editable` in this page, so the
// panel attaches to it once the editor exists. Typing fires input events
// there, but undo, redo, paste and toolbar commands re-render the DOM from
// CKEditor's model without one, so a change of the model's data asks the
// panel for a refresh too. In a CMS: `import 'ngoaivu/panel';` and
// `import { ClassicEditor, … } from 'ckeditor5';`.
import '../../js/panel.js';
import { ClassicEditor, Essentials, Paragraph, Bold, Italic } from '../../node_modules/ckeditor5/dist/browser/ckeditor5.js';

const panel = document.getElementById('panel');
let timer;
const refreshSoon = () => {
  clearTimeout(timer);
  timer = setTimeout(() => panel.refresh().catch(() => {}), panel.debounce);
};

const editor = await ClassicEditor.create(document.getElementById('editor'), {
  licenseKey: 'GPL', // self-hosted under the GPL (CKEditor 5 v44+)
  plugins: [Essentials, Paragraph, Bold, Italic],
  toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
});
panel.attach(editor.ui.getEditableElement());
editor.model.document.on('change:data', refreshSoon);
document.body.dataset.ready = 'true';
