/*
 * Template picker: fills a compose form from an email template rendered for a record.
 *
 * Contract (what a page needs for this script to work):
 *  - The picker: th:replace="~{templates/fragments :: picker(recordType, recordId)}" renders
 *      <select data-template-picker data-record-type="DEAL" data-record-id="<uuid>" data-render-base="/templates">
 *    with one option per visible template of that record type (value = template id), grouped by folder, and a
 *    status line [data-template-picker-status] (role=status) for progress and errors.
 *  - The form fields it fills, by id/name:
 *      input#subject             the subject line (its value is set)
 *      #body-editor              a contenteditable element: the rich body editor (its innerHTML is set)
 *      input[type=hidden][name=body]  the body the form submits (its value is set to the same HTML)
 *    An 'input' event is dispatched on #subject and #body-editor afterwards, so editors that sync on input stay in
 *    step. Fields the page does not have are skipped.
 *  - On change it fetches GET {render-base}/{templateId}/render?recordType=...&recordId=... with the session cookie
 *    (same origin, JSON), which answers {"subject": "...", "html": "..."}: the HTML is sanitised on the server and
 *    attribute values are escaped, so it is safe to put into the editor. Errors come back as problem details
 *    ({"detail": "..."}) and are shown in the status line.
 *  - If the user has typed into the subject or body since the last fill, they are asked before it is replaced.
 *    The user can edit the filled subject and body before sending.
 * No inline script is needed (the CSP forbids it): include this file with <script src=".../js/template-picker.js" defer>.
 */
(() => {
  const pickers = document.querySelectorAll('select[data-template-picker]');
  if (pickers.length === 0) {
    return;
  }
  const subject = () => document.getElementById('subject');
  const editor = () => document.getElementById('body-editor');
  const hiddenBody = () => document.querySelector('input[type=hidden][name=body]');
  let filling = false;
  let edited = false;
  ['input'].forEach((type) => {
    document.addEventListener(type, (event) => {
      if (!filling && (event.target === subject() || event.target === editor())) {
        edited = true;
      }
    }, true);
  });

  const hasContent = () => {
    const s = subject();
    const e = editor();
    return (s && s.value.trim() !== '') || (e && e.textContent.trim() !== '');
  };

  pickers.forEach((picker) => {
    const status = picker.parentElement.querySelector('[data-template-picker-status]');
    const say = (text, isError) => {
      if (status) {
        status.textContent = text;
        status.classList.toggle('text-danger', Boolean(isError));
      }
    };
    let previous = picker.value;
    picker.addEventListener('change', async () => {
      const templateId = picker.value;
      if (!templateId) {
        previous = templateId;
        return;
      }
      if (edited && hasContent()
          && !window.confirm('Replace the subject and body you wrote with this template?')) {
        picker.value = previous;
        return;
      }
      const params = new URLSearchParams({
        recordType: picker.dataset.recordType,
        recordId: picker.dataset.recordId,
      });
      const url = picker.dataset.renderBase + '/' + encodeURIComponent(templateId) + '/render?' + params;
      say('Loading the template…', false);
      picker.setAttribute('aria-busy', 'true');
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        const data = await response.json().catch(() => ({}));
        if (!response.ok) {
          say('Could not use this template: ' + (data.detail || 'please try again.'), true);
          picker.value = previous;
          return;
        }
        filling = true;
        const s = subject();
        if (s) {
          s.value = data.subject;
          s.dispatchEvent(new Event('input', { bubbles: true }));
        }
        const e = editor();
        if (e) {
          e.innerHTML = data.html;
          e.dispatchEvent(new Event('input', { bubbles: true }));
        }
        const h = hiddenBody();
        if (h) {
          h.value = data.html;
        }
        filling = false;
        edited = false;
        previous = templateId;
        const name = picker.options[picker.selectedIndex].textContent;
        say('Template “' + name + '” filled in; you can edit it.', false);
      } catch (error) {
        filling = false;
        say('Could not load the template. Check your connection and try again.', true);
        picker.value = previous;
      } finally {
        picker.removeAttribute('aria-busy');
      }
    });
  });
})();
