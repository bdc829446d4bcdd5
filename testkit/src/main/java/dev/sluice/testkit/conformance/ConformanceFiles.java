package dev.sluice.testkit.conformance;

/** File texts several conformance cases share: a seed of people, its added rows, and the suite's helper macros. */
public final class ConformanceFiles {
    private ConformanceFiles() {
    }

    /** Ten people; ids 1..10, no nulls, distinct names. */
    public static final String PEOPLE_CSV = """
            id,name,joined_at
            1,Ada,2019-01-04T08:15:00
            2,Brian,2019-02-11T10:30:00
            3,Chen,2019-03-19T12:45:00
            4,Dana,2019-05-02T09:00:00
            5,Emeka,2019-06-23T17:20:00
            6,Farah,2019-08-14T06:05:00
            7,Goran,2019-09-30T21:40:00
            8,Hana,2019-11-07T13:55:00
            9,Ivo,2020-01-15T15:10:00
            10,Jun,2020-03-01T18:25:00
            """;

    /** {@link #PEOPLE_CSV} with ten more people (ids 11..20). */
    public static final String PEOPLE_ADDED_CSV = PEOPLE_CSV + """
            11,Kofi,2020-04-12T07:00:00
            12,Lena,2020-05-20T08:10:00
            13,Mateus,2020-06-28T09:20:00
            14,Nadia,2020-08-05T10:30:00
            15,Oskar,2020-09-13T11:40:00
            16,Priya,2020-10-21T12:50:00
            17,Quinn,2020-11-29T14:00:00
            18,Rosa,2021-01-06T15:10:00
            19,Sami,2021-02-14T16:20:00
            20,Tove,2021-03-24T17:30:00
            """;

    /** The seed as a source, so models can read it either way. */
    public static final String SOURCES_YML = """
            version: 2
            sources:
              - name: raw
                schema: "{{ target.schema }}"
                tables:
                  - name: people
                    identifier: "{{ var('people_seed', 'people') }}"
            """;

    /**
     * {@code conformance_relation_type(identifier)}: what {@code adapter.get_relation} answers for a relation of the
     * target schema, "table", "view" or "none"; {@code conformance_relations_beside(identifier)}: the identifiers of
     * every relation in the schema of that relation, comma-separated, from
     * {@code adapter.list_relations_without_caching}.
     */
    public static final String HELPER_MACROS = """
            {% macro conformance_relation_type(identifier) %}
              {%- set found = adapter.get_relation(database=target.database, schema=target.schema, identifier=identifier) -%}
              {%- if found is none -%}none{%- else -%}{{ found.type }}{%- endif -%}
            {% endmacro %}

            {% macro conformance_relations_beside(identifier) %}
              {%- set anchor = adapter.get_relation(database=target.database, schema=target.schema, identifier=identifier) -%}
              {%- set found = adapter.list_relations_without_caching(anchor) -%}
              {{- found | map(attribute='identifier') | join(',') -}}
            {% endmacro %}
            """;
}
