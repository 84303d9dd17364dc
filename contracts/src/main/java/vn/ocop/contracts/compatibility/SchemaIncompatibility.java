package vn.ocop.contracts.compatibility;

/**
 * One way in which a current schema breaks its published version.
 *
 * @param schema   the schema file name, e.g. {@code vn.ocop.dossier.submitted.v1.json}
 * @param location where in the body, e.g. {@code $.entity.name}, {@code $.reasons[].code}, {@code $.figures.*}
 * @param detail   what changed, in words
 */
public record SchemaIncompatibility(String schema, String location, Kind kind, String detail) {

    public enum Kind {
        /** A published schema has no current counterpart. */
        SCHEMA_MISSING,
        /** A published property is gone (a rename shows up as this). */
        PROPERTY_REMOVED,
        /** The JSON type(s) of a value changed. */
        TYPE_CHANGED,
        /** A property is in {@code required} now but was not. */
        MADE_REQUIRED,
        /** Published enum values are no longer allowed. */
        ENUM_VALUES_REMOVED,
        /** A bound, format, pattern or other assertion now refuses values the published version allowed. */
        CONSTRAINT_TIGHTENED
    }

    @Override
    public String toString() {
        return schema + " " + location + ": " + kind + " (" + detail + ")";
    }
}
