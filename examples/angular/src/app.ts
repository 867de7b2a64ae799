import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { ClinicClickEvent, ClinicLoadEvent, Publisher } from 'clinic-widgets';

// CUSTOM_ELEMENTS_SCHEMA lets the template use the clinic-* tags. `[data]` and `[limit]` set
// properties, `[attr.heading-level]` an attribute, `(clinic-load)` listens for the event.
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main style="max-width: 720px; margin: 0 auto; display: grid; gap: 24px">
      <h1>clinic-widgets in Angular</h1>
      <clinic-article-card src="/ketamine-infusion-therapy.json" [attr.heading-level]="2" (clinic-load)="log($event)" (clinic-click)="log($event)"></clinic-article-card>
      <clinic-publisher [data]="publisher" theme="light" (clinic-load)="log($event)"></clinic-publisher>
      <clinic-related-posts src="/ketamine-infusion-therapy.json" [limit]="2" layout="grid" (clinic-load)="log($event)"></clinic-related-posts>
      <output id="events" style="white-space: pre-line">{{ events().join('\\n') }}</output>
    </main>
  `,
})
export class App {
  protected readonly publisher: Publisher = {
    name: 'Propel Therapeutics',
    headline: 'Ketamine Therapy Clinic – Sacramento, CA',
    url: 'https://www.propeltherapeutics.com/',
    phone: '916-915-9215',
  };
  protected readonly events = signal<string[]>([]);

  protected log(event: Event): void {
    const tag = (event.target as Element).localName;
    const what = event.type === 'clinic-load' ? (event as ClinicLoadEvent).detail.source : (event as ClinicClickEvent).detail.href;
    this.events.update((list) => [...list, `${event.type} ${tag} ${what}`]);
  }
}
