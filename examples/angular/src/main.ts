import { bootstrapApplication } from '@angular/platform-browser';
// Defines <clinic-article-card>, <clinic-publisher> and <clinic-related-posts>.
import 'clinic-widgets';
import { App } from './app';

bootstrapApplication(App).catch((error: unknown) => console.error(error));
