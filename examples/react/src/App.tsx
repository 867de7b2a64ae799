import { useState } from 'react';
// Types the three tags in JSX: attributes, properties and onclinic-* listeners.
import type {} from 'clinic-widgets/jsx';
import type { ClinicClickEvent, ClinicLoadEvent, Publisher } from 'clinic-widgets';

// React 19 sets `data` as a property (the element has one) and adds `onclinic-load` as a
// listener for the element's `clinic-load` event.
const publisher: Publisher = {
  name: 'Propel Therapeutics',
  headline: 'Ketamine Therapy Clinic – Sacramento, CA',
  url: 'https://www.propeltherapeutics.com/',
  phone: '916-915-9215',
};

export function App() {
  const [events, setEvents] = useState<string[]>([]);
  const log = (event: ClinicLoadEvent | ClinicClickEvent) => {
    const tag = (event.target as Element).localName;
    const what = event.type === 'clinic-load' ? (event as ClinicLoadEvent).detail.source : (event as ClinicClickEvent).detail.href;
    setEvents((list) => [...list, `${event.type} ${tag} ${what}`]);
  };

  return (
    <main style={{ maxWidth: 720, margin: '0 auto', display: 'grid', gap: 24 }}>
      <h1>clinic-widgets in React 19</h1>
      <clinic-article-card src="/ketamine-infusion-therapy.json" heading-level={2} onclinic-load={log} onclinic-click={log} />
      <clinic-publisher data={publisher} theme="light" onclinic-load={log} />
      <clinic-related-posts src="/ketamine-infusion-therapy.json" limit={2} layout="grid" onclinic-load={log} />
      <output id="events" style={{ whiteSpace: 'pre-line' }}>
        {events.join('\n')}
      </output>
    </main>
  );
}
