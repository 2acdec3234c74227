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
  // "body-editor" for the compose body: the template picker fills it (see template-picker.js).
  editor.id = textarea.id + '-editor';
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

// Recipient autocomplete: suggests visible contacts for the address being typed after the last comma. Without
// JavaScript the field takes comma-separated addresses all the same.
document.querySelectorAll('input[data-recipients]').forEach((input) => {
  const list = document.createElement('ul');
  list.className = 'list-group recipient-suggestions';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.after(list);
  let timer = null;
  const current = () => {
    const parts = input.value.split(/[,;]/);
    return parts[parts.length - 1].trim();
  };
  const choose = (label) => {
    const parts = input.value.split(/[,;]/);
    parts[parts.length - 1] = ' ' + label;
    input.value = parts.map((p) => p.trim()).filter((p) => p).join(', ') + ', ';
    list.hidden = true;
    input.focus();
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = current();
    if (query.length < 2) {
      list.hidden = true;
      return;
    }
    timer = setTimeout(async () => {
      const response = await fetch(input.getAttribute('data-recipients') + '?q=' + encodeURIComponent(query),
        { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        return;
      }
      const suggestions = await response.json();
      list.replaceChildren();
      suggestions.forEach((s) => {
        const item = document.createElement('li');
        item.className = 'list-group-item list-group-item-action';
        item.setAttribute('role', 'option');
        item.tabIndex = 0;
        item.textContent = s.label;
        item.addEventListener('mousedown', (e) => { e.preventDefault(); choose(s.label); });
        item.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); choose(s.label); } });
        list.appendChild(item);
      });
      list.hidden = suggestions.length === 0;
    }, 150);
  });
  input.addEventListener('blur', () => setTimeout(() => { list.hidden = true; }, 200));
});
