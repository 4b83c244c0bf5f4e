// Example: TinyMCE 8 in its default iframe mode, with <ngoaivu-panel> beside
// it. The editable is the iframe's <body> (contenteditable, same origin), so
// the panel attaches to editor.getBody() once the editor is ready: typing
// fires native input events there, and the panel highlights figures in the
// iframe's own document. Changes TinyMCE makes by script (undo, redo,
// setContent, paste) fire no input event, so they ask for a refresh.
// In a CMS: `import 'ngoaivu/panel';` and serve tinymce/ yourself.
import '../../js/panel.js';

const panel = document.getElementById('panel');
let timer;
const refreshSoon = () => {
  clearTimeout(timer);
  timer = setTimeout(() => panel.refresh().catch(() => {}), panel.debounce);
};

globalThis.tinymce.init({
  selector: '#editor',
  license_key: 'gpl', // self-hosted under the GPL
  promotion: false,
  menubar: false,
  toolbar: 'undo redo | bold italic',
  height: 320,
  setup(editor) {
    editor.on('init', () => {
      panel.attach(editor.getBody());
      document.body.dataset.ready = 'true';
    });
    editor.on('Undo Redo SetContent Paste', refreshSoon);
  },
});
