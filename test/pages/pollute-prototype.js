// Classic script for the test pages: what old libraries do to every object of the page. Enumerable
// properties on Object.prototype, a function and a plain value, some named like document fields.
/* eslint-disable no-extend-native */
Object.prototype.foo = function () {};
Object.prototype.x = 1;
Object.prototype.title = 'Inherited title';
Object.prototype.url = 'https://inherited.example/';
Object.prototype.published = 'not a date';
