import ArrayField from '@rjsf/core/lib/components/fields/ArrayField.js';
import BooleanField from '@rjsf/core/lib/components/fields/BooleanField.js';
import NumberField from '@rjsf/core/lib/components/fields/NumberField.js';
import ObjectField from '@rjsf/core/lib/components/fields/ObjectField.js';
import SchemaField from '@rjsf/core/lib/components/fields/SchemaField.js';
import StringField from '@rjsf/core/lib/components/fields/StringField.js';
import {
  getTemplate,
  getUiOptions,
  TranslatableString,
  type FieldProps,
  type FormContextType,
  type RegistryFieldsType,
  type RJSFSchema,
  type StrictRJSFSchema,
} from '@rjsf/utils';
import { createElement } from 'react';

/**
 * Stand-in for rjsf's default fields (`@rjsf/core/lib/components/fields/index.js`). This keeps the fields of the
 * kinds of question the lint allows (`schemas/src/supported.ts`): objects, arrays (repeating groups and several
 * choices), strings, numbers and booleans, and SchemaField, which picks among them.
 *
 * Dropped, as the lint refuses what reaches them: anyOf/oneOf (MultiSchemaField, formDataForNewOption), `$ref`
 * cycles (CyclicSchemaField), `ui:field` layouts (LayoutGridField, LayoutHeaderField, LayoutMultiSchemaField),
 * `type: null` (NullField) and the `enableOptionalDataFieldForType` option (OptionalDataControlsField). FallbackField,
 * which SchemaField uses for a type it does not know, becomes what rjsf's does without
 * `useFallbackUiForUnsupportedType` (which nothing sets): the "unsupported field" notice, without the type picker.
 */
function FallbackField<T = any, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = any>(props: FieldProps<T, S, F>) {
  const { schema, fieldPathId, registry, uiSchema } = props;
  const UnsupportedFieldTemplate = getTemplate<'UnsupportedFieldTemplate', T, S, F>(
    'UnsupportedFieldTemplate',
    registry,
    getUiOptions<T, S, F>(uiSchema),
  );
  const reason = registry.translateString(TranslatableString.UnknownFieldType, [String(schema.type)]);
  return createElement(UnsupportedFieldTemplate, { schema, fieldPathId, reason, registry });
}

export default function fields<T = any, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = any>(): RegistryFieldsType<
  T,
  S,
  F
> {
  return {
    ArrayField,
    BooleanField,
    FallbackField,
    NumberField,
    ObjectField,
    SchemaField,
    StringField,
  } as unknown as RegistryFieldsType<T, S, F>;
}
