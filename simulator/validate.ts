import { ValidationError, type PydanticError } from './http.ts';

/** A pydantic-like field: enough to reproduce the real app's 422 bodies for the routes we serve. */
interface FieldSpec {
  type: 'str' | 'int' | 'float' | 'bool' | 'email' | 'str_list' | 'int_map' | 'any';
  required?: boolean;
  /** Accepted input names besides the field name (camelCase aliases). */
  aliases?: readonly string[];
  min?: number;
  max?: number;
  /** A model validator: returns an error message ("Value error, …") or undefined. */
  check?: (value: unknown) => string | undefined;
}

export type Schema = Record<string, FieldSpec>;

const EMAIL = /^[^@\s]+@[^@\s]+\.[A-Za-z0-9-]{2,}$/;

function typeError(spec: FieldSpec, value: unknown, loc: Array<string | number>): PydanticError | undefined {
  const err = (type: string, msg: string, ctx?: Record<string, unknown>): PydanticError => ({ type, loc, msg, input: value, ...(ctx ? { ctx } : {}) });
  switch (spec.type) {
    case 'str':
    case 'email': {
      if (typeof value !== 'string') return err('string_type', 'Input should be a valid string');
      if (spec.type === 'email' && !EMAIL.test(value)) {
        const reason = value.includes('@') ? 'The part after the @-sign is not valid.' : 'An email address must have an @-sign.';
        return err('value_error', `value is not a valid email address: ${reason}`, { reason });
      }
      if (spec.min !== undefined && value.length < spec.min)
        return err('string_too_short', `String should have at least ${spec.min} character${spec.min === 1 ? '' : 's'}`, { min_length: spec.min });
      if (spec.max !== undefined && value.length > spec.max)
        return err('string_too_long', `String should have at most ${spec.max} characters`, { max_length: spec.max });
      return undefined;
    }
    case 'int':
      return Number.isInteger(value) ? undefined : err('int_type', 'Input should be a valid integer');
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : err('float_type', 'Input should be a valid number');
    case 'bool':
      return typeof value === 'boolean' ? undefined : err('bool_type', 'Input should be a valid boolean');
    case 'str_list':
      if (!Array.isArray(value)) return err('list_type', 'Input should be a valid list');
      return value.every((v) => typeof v === 'string') ? undefined : err('string_type', 'Input should be a valid string');
    case 'int_map':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return err('dict_type', 'Input should be a valid dictionary');
      return Object.values(value).every((v) => Number.isInteger(v)) ? undefined : err('int_type', 'Input should be a valid integer');
    case 'any':
      return undefined;
  }
}

/**
 * Validates a JSON body against a schema. `extra: 'forbid'` reproduces TR-022 mass-assignment protection.
 * Returns values keyed by field name (aliases folded); optional fields given as null stay null.
 * Throws ValidationError with every problem, like pydantic.
 */
export function validateBody(input: unknown, schema: Schema, extra: 'forbid' | 'ignore'): Record<string, unknown> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationError([
      { type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input },
    ]);
  }
  const body = input as Record<string, unknown>;
  const errors: PydanticError[] = [];
  const out: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const [name, spec] of Object.entries(schema)) {
    const names = [name, ...(spec.aliases ?? [])];
    names.forEach((n) => known.add(n));
    const key = names.find((n) => Object.hasOwn(body, n));
    if (key === undefined) {
      if (spec.required) errors.push({ type: 'missing', loc: ['body', name], msg: 'Field required', input: body });
      continue;
    }
    const value = body[key];
    if (value === null && !spec.required) {
      out[name] = null;
      continue;
    }
    const e = typeError(spec, value, ['body', key]);
    if (e) errors.push(e);
    else {
      const msg = spec.check?.(value);
      if (msg) errors.push({ type: 'value_error', loc: ['body', key], msg: `Value error, ${msg}`, input: value, ctx: { error: {} } });
      else out[name] = value;
    }
  }
  if (extra === 'forbid') {
    for (const [k, v] of Object.entries(body)) {
      if (!known.has(k)) errors.push({ type: 'extra_forbidden', loc: ['body', k], msg: 'Extra inputs are not permitted', input: v });
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return out;
}

/** An integer query parameter with FastAPI's 422 on bad input. */
export function intQuery(q: URLSearchParams, name: string, def: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return def;
  const n = Number(raw);
  const loc = ['query', name];
  if (!/^-?\d+$/.test(raw.trim())) throw new ValidationError([{ type: 'int_parsing', loc, msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw }]);
  if (n < min) throw new ValidationError([{ type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${min}`, input: raw, ctx: { ge: min } }]);
  if (n > max) throw new ValidationError([{ type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${max}`, input: raw, ctx: { le: max } }]);
  return n;
}

/** A boolean query parameter the way pydantic parses it (true/false/1/0/yes/no/on/off). */
export function boolQuery(q: URLSearchParams, name: string): boolean | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  const v = raw.toLowerCase();
  if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true;
  if (['false', '0', 'no', 'off', 'f', 'n'].includes(v)) return false;
  throw new ValidationError([{ type: 'bool_parsing', loc: ['query', name], msg: 'Input should be a valid boolean, unable to interpret input', input: raw }]);
}

/** A number query parameter (floats allowed). */
export function numQuery(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new ValidationError([{ type: 'float_parsing', loc: ['query', name], msg: 'Input should be a valid number, unable to parse string as a number', input: raw }]);
  return n;
}
