// Classic script for the test pages: records every clinic-load and clinic-error, in order.
window.clinicEvents = [];
for (const type of ['clinic-load', 'clinic-error']) {
  document.addEventListener(type, (event) =>
    clinicEvents.push({ type, tag: event.target.localName, message: event.detail && event.detail.message }),
  );
}
