package dev.certsd.export;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The one YAML writer and reader of exports (Jackson's YAML format over SnakeYAML). */
public final class Yaml {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE) // scripts stay readable as written
            .build();

    private Yaml() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
