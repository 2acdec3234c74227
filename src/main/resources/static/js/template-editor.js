// The template editor's attribute picker: shows the attributes of the chosen record type and inserts
// {{key}} or {{key | default: "fallback"}} where the cursor last was, in the subject or the rich body editor.
// app.js has already turned the body textarea into a contenteditable editor (.rich-editor) by the time this runs.
(() => {
  const picker = document.querySelector('[data-attribute-picker]');
  const insert = document.querySelector('[data-insert-attribute]');
  const typeSelect = document.querySelector('[data-record-type-select]');
  const subject = document.querySelector('[data-attribute-target]');
  const textarea = document.querySelector('textarea[data-rich-editor]');
  const editor = textarea ? textarea.previousElementSibling : null;
  if (!picker || !insert) {
    return;
  }
  let target = editor && editor.classList.contains('rich-editor') ? editor : textarea;
  let savedRange = null;

  const showType = (type) => {
    picker.querySelectorAll('optgroup').forEach((group) => {
      const match = group.dataset.forType === type;
      group.hidden = !match;
      group.querySelectorAll('option').forEach((option) => { option.disabled = !match; });
    });
    const first = picker.querySelector('optgroup:not([hidden]) option');
    if (first) {
      picker.value = first.value;
    }
  };
  if (typeSelect) {
    typeSelect.addEventListener('change', () => showType(typeSelect.value));
    showType(typeSelect.value);
  }
  if (subject) {
    subject.addEventListener('focus', () => { target = subject; });
  }
  if (editor && editor.classList.contains('rich-editor')) {
    editor.addEventListener('focus', () => { target = editor; });
    const remember = () => {
      const selection = window.getSelection();
      if (selection.rangeCount > 0 && editor.contains(selection.anchorNode)) {
        savedRange = selection.getRangeAt(0).cloneRange();
      }
    };
    editor.addEventListener('keyup', remember);
    editor.addEventListener('mouseup', remember);
    editor.addEventListener('input', remember);
  }

  const placeholder = () => {
    const fallbackInput = document.getElementById('attribute-fallback');
    const fallback = fallbackInput ? fallbackInput.value.trim() : '';
    if (!fallback) {
      return '{{' + picker.value + '}}';
    }
    const quoted = fallback.includes('"') ? "'" + fallback.replaceAll("'", '') + "'" : '"' + fallback + '"';
    return '{{' + picker.value + ' | default: ' + quoted + '}}';
  };

  insert.addEventListener('click', () => {
    if (!picker.value) {
      return;
    }
    const text = placeholder();
    if (target === subject || target === textarea) {
      const start = target.selectionStart ?? target.value.length;
      const end = target.selectionEnd ?? target.value.length;
      target.setRangeText(text, start, end, 'end');
      target.focus();
      return;
    }
    editor.focus();
    const selection = window.getSelection();
    selection.removeAllRanges();
    if (savedRange) {
      selection.addRange(savedRange);
    } else {
      const range = document.createRange();
      range.selectNodeContents(editor);
      range.collapse(false);
      selection.addRange(range);
    }
    document.execCommand('insertText', false, text);
    textarea.value = editor.innerHTML;
    savedRange = selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  });
})();
