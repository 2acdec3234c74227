// Small progressive enhancements; every page works without them.
document.addEventListener('submit', (event) => {
  const message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
document.querySelectorAll('[data-copy]').forEach((button) => {
  button.addEventListener('click', async () => {
    const target = document.getElementById(button.getAttribute('data-copy'));
    await navigator.clipboard.writeText(target.value || target.textContent);
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = label; }, 1500);
  });
});

// A minimal rich-text editor over a textarea holding HTML. Without JavaScript the textarea itself is the editor;
// either way the server sanitises what it receives.
document.querySelectorAll('textarea[data-rich-editor]').forEach((textarea) => {
  const toolbar = document.createElement('div');
  toolbar.className = 'btn-toolbar gap-1 mb-2';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Formatting');
  const editor = document.createElement('div');
  editor.className = 'form-control rich-editor mb-3';
  editor.contentEditable = 'true';
  editor.setAttribute('role', 'textbox');
  editor.setAttribute('aria-multiline', 'true');
  editor.setAttribute('aria-labelledby', textarea.id + '-label');
  editor.innerHTML = textarea.value;
  const label = document.querySelector('label[for="' + textarea.id + '"]');
  if (label) {
    label.id = textarea.id + '-label';
    label.addEventListener('click', () => editor.focus());
  }
  [['bold', 'Bold'], ['italic', 'Italic'], ['underline', 'Underline'], ['createLink', 'Link'], ['removeFormat', 'Clear formatting']]
    .forEach(([command, text]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-sm btn-outline-secondary';
      button.textContent = text;
      button.addEventListener('click', () => {
        const value = command === 'createLink' ? window.prompt('Link address (https://…)') : null;
        if (command === 'createLink' && !value) {
          return;
        }
        editor.focus();
        document.execCommand(command, false, value);
        textarea.value = editor.innerHTML;
      });
      toolbar.appendChild(button);
    });
  editor.addEventListener('input', () => { textarea.value = editor.innerHTML; });
  textarea.hidden = true;
  textarea.before(toolbar, editor);
});
