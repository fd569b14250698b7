// Configuration: `.shipshape.yaml` discovery, schema, validation and layering.
export { CONFIG_FILE_NAMES, parseConfig, type ConfigDiagnostic, type FileConfig } from './load';
export { ConfigResolver, type ConfigFs } from './find';
export { mergeConfigs } from './merge';
export { configSchema, SCHEMA_ID, type JsonSchema } from './schema';
export { validate, type SchemaError } from './validate';
