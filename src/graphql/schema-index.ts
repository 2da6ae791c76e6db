import {
  buildSchema,
  type GraphQLOutputType,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';

/** What the guard needs to know about one field of the upstream schema. */
export interface FieldInfo {
  /** Name of the field's named (unwrapped) type. */
  readonly type: string;
  /** True when the field returns a list (outside any non-null wrapper). */
  readonly list: boolean;
}

/** Root operation type names. */
export interface RootTypes {
  readonly query: string;
  readonly mutation: string;
  readonly subscription: string;
}

/** Conventional root type names, used when no schema is configured. */
export const DEFAULT_ROOT_TYPES: RootTypes = Object.freeze({
  query: 'Query',
  mutation: 'Mutation',
  subscription: 'Subscription',
});

/** A flat, read-only index of the object and interface fields of a schema. */
export interface SchemaIndex {
  readonly roots: RootTypes;
  /** The field's type information, or undefined when the type or field is unknown. */
  field(typeName: string, fieldName: string): FieldInfo | undefined;
}

function isList(t: GraphQLOutputType): boolean {
  return isListType(getNullableType(t));
}

/**
 * Builds a {@link SchemaIndex} from SDL (the upstream's schema). Throws TypeError when the SDL is invalid.
 *
 * @example
 * const idx = buildSchemaIndex('type Query { users(first: Int): [User] } type User { id: ID }');
 * idx.field('Query', 'users'); // { type: 'User', list: true }
 */
export function buildSchemaIndex(sdl: string): SchemaIndex {
  let schema: ReturnType<typeof buildSchema>;
  try {
    schema = buildSchema(sdl, { noLocation: true });
  } catch (err) {
    throw new TypeError(`graphql: invalid schema SDL: ${(err as Error).message.slice(0, 200)}`);
  }
  const types = new Map<string, Map<string, FieldInfo>>();
  for (const [name, type] of Object.entries(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const fields = new Map<string, FieldInfo>();
    for (const [fname, f] of Object.entries(type.getFields())) {
      fields.set(fname, Object.freeze({ type: getNamedType(f.type).name, list: isList(f.type) }));
    }
    types.set(name, fields);
  }
  const roots: RootTypes = Object.freeze({
    query: schema.getQueryType()?.name ?? DEFAULT_ROOT_TYPES.query,
    mutation: schema.getMutationType()?.name ?? DEFAULT_ROOT_TYPES.mutation,
    subscription: schema.getSubscriptionType()?.name ?? DEFAULT_ROOT_TYPES.subscription,
  });
  return Object.freeze({
    roots,
    field(typeName: string, fieldName: string): FieldInfo | undefined {
      return types.get(typeName)?.get(fieldName);
    },
  });
}
