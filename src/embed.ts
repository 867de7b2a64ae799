// Entry of both bundles: dist/clinic-widgets.js (ES module) and dist/clinic-widgets.iife.js
// (window.ClinicWidgets). Loading either defines every element.
import { defineAll } from './define.js';

export * from './index.js';

defineAll();
