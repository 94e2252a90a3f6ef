import * as contracts from '@visitt/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Browser, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface JsonSchema {
  $ref?: string;
  type?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
  components: { schemas: Record<string, JsonSchema> };
}

/** Every contract registered under an id (`.meta({ id })`), by that id. */
function contractsById(): Map<string, z.ZodType> {
  const byId = new Map<string, z.ZodType>();
  for (const value of Object.values(contracts)) {
    if (!(value instanceof z.ZodType)) continue;
    const id = z.globalRegistry.get(value)?.id;
    if (id) byId.set(id, value);
  }
  return byId;
}

/**
 * The objects a body schema accepts, in the order the JSON Schema lists them: a union gives one
 * per option, a pipe its input side; refinements keep the object itself.
 */
function objectsOf(schema: z.ZodType): z.ZodObject[] {
  if (schema instanceof z.ZodObject) return [schema];
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((o) => objectsOf(o as z.ZodType));
  if (schema instanceof z.ZodPipe) return objectsOf(schema.in as z.ZodType);
  return [];
}

/**
 * What the server really requires: the keys whose schema refuses a missing value. Asked of the
 * schema by parsing, not read from zod's own optionality flags, so that a wrapper the JSON Schema
 * converter misreads (a default, a preprocess, a pipe) cannot hide a required field.
 */
function requiredKeys(object: z.ZodObject): string[] {
  return Object.entries(object.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([key]) => key)
    .sort();
}

describe('the OpenAPI document', () => {
  it('lists, for every request body, the fields its contract requires', async () => {
    const doc = (await new Browser(app).get('/api/openapi.json')).body as OpenApiDocument;
    const byId = contractsById();
    const components = doc.components.schemas;
    const checked: string[] = [];

    function check(where: string, schema: JsonSchema) {
      if (schema.anyOf) {
        for (const branch of schema.anyOf) check(where, branch);
        return;
      }
      if (!schema.$ref) return; // `null`, or a body declared inline by a route (a webhook's own shape)
      const name = schema.$ref.split('/').pop()!;
      const contract = byId.get(name.replace(/Input$/, ''));
      expect(contract, `${where}: ${name} has no contract`).toBeDefined();
      const component = components[name];
      expect(component, `${where}: ${name} is not in components`).toBeDefined();
      const branches = component!.anyOf ?? [component!];
      const objects = objectsOf(contract!);
      expect(objects.length, `${where}: ${name}`).toBe(branches.length);
      branches.forEach((branch, index) => {
        expect([...(branch.required ?? [])].sort(), `${where}: ${name} required`).toEqual(
          requiredKeys(objects[index]!),
        );
        expect(Object.keys(branch.properties ?? {}).sort(), `${where}: ${name} properties`).toEqual(
          Object.keys(objects[index]!.shape).sort(),
        );
      });
      checked.push(name);
    }

    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const body = operation.requestBody?.content['application/json']?.schema;
        if (body) check(`${method.toUpperCase()} ${path}`, body);
      }
    }
    // The walk must have met the bodies of the API, or it proves nothing.
    expect(checked.length).toBeGreaterThan(20);
    expect(checked).toContain('BookAppointmentBodyInput');
    expect(checked).toContain('UpdateStaffBodyInput');
  });

  it('catches a field the JSON Schema converter calls optional while the server refuses it missing', () => {
    // `.optional().refine(…)` reads as optional to the converter, yet a missing value fails the
    // refinement: the walk above would report such a contract.
    const body = z.strictObject({
      text: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string()),
      note: z.string().optional(),
      size: z.number().default(1),
      reason: z
        .string()
        .optional()
        .refine((value) => value !== undefined),
    });
    expect(z.toJSONSchema(body, { io: 'input' }).required).toEqual(['text']);
    expect(requiredKeys(body)).toEqual(['reason', 'text']);
  });
});
