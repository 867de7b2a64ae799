import { mount } from 'svelte';
// Defines <clinic-article-card>, <clinic-publisher> and <clinic-related-posts>.
import 'clinic-widgets';
// Types the three tags in markup (svelteHTML.IntrinsicElements): svelte-check checks them.
import type {} from 'clinic-widgets/svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
