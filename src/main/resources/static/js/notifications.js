// The bell's unread count, live: the server pushes it over server-sent events whenever it changes, from whichever
// instance recorded the event. Without JavaScript the bell is a plain link to the notifications page.
(() => {
  const bell = document.querySelector('[data-notification-bell]');
  if (!bell || !window.EventSource) {
    return;
  }
  const counter = bell.querySelector('[data-notification-count]');
  const show = (count) => {
    counter.textContent = count > 99 ? '99+' : String(count);
    counter.hidden = count === 0;
    bell.setAttribute('data-count', String(count));
    bell.setAttribute('aria-label', count === 1 ? 'Notifications: 1 unread' : 'Notifications: ' + count + ' unread');
  };
  const stream = new EventSource(bell.getAttribute('data-stream'));
  stream.addEventListener('count', (event) => show(parseInt(event.data, 10) || 0));
})();
