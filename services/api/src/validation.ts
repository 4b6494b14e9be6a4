import Ajv, { type Options } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

/*
 * Two validators: query strings and path parameters arrive as text, so they are coerced
 * (`limit=10` is a number); JSON bodies are not, so `{"name": 5}` is refused naming
 * `name` instead of becoming the string "5".
 */
const common: Options = {
  allErrors: false,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
};
const coercing = new Ajv({ ...common, coerceTypes: 'array' });
const exact = new Ajv({ ...common, coerceTypes: false });

// OpenAPI keywords that are documentation, not constraints.
for (const ajv of [coercing, exact]) ajv.addKeyword('example');

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? exact : coercing;
  return ajv.compile(schema as object);
};
