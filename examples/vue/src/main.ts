import { createApp } from 'vue';
// Defines <clinic-article-card>, <clinic-publisher> and <clinic-related-posts>.
import 'clinic-widgets';
// Types the three tags in templates (GlobalComponents): vue-tsc checks their attributes.
import type {} from 'clinic-widgets/vue';
import App from './App.vue';

createApp(App).mount('#app');
