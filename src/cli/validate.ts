import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import schema from '../../schema/clinic-document.schema.json';

/**
 * Every document the command writes is checked against the JSON Schema the package ships
 * (dist/clinic-document.schema.json), with Ajv, the reference validator for draft 2020-12.
 */

let validate: ValidateFunction | undefined;

/** A problem found in a document: where (a JSON Pointer such as `/article/title`) and what. */
export interface SchemaProblem {
  path: (string | number)[];
  message: string;
}

function describe(error: ErrorObject): SchemaProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const where = path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
  const field =
    error.keyword === 'required' ? `${where ? `${where}.` : ''}${(error.params as { missingProperty: string }).missingProperty}` : where;
  const message = error.keyword === 'required' ? 'is required' : error.message ?? 'is not valid';
  return { path: error.keyword === 'required' ? path : path, message: `${field || 'the document'} ${message}` };
}

/** The schema's problems with `doc`, none when it is valid. */
export function checkDocument(doc: unknown): SchemaProblem[] {
  validate ??= new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map(describe);
}
