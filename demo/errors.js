// Lists each clinic-error event on the page (not in the console, which stays quiet). A classic
// script in the head, so it listens before the widgets are defined.
const failures = [];
function show() {
  const log = document.getElementById('event-log');
  if (!log) return;
  log.replaceChildren(
    ...failures.map(({ tag, message }) => {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = `<${tag}>`;
      item.append(code, ` ${message}`);
      return item;
    }),
  );
}
document.addEventListener('clinic-error', (event) => {
  failures.push({ tag: event.target.localName, message: event.detail.message });
  show();
});
document.addEventListener('DOMContentLoaded', show);
