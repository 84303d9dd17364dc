package vn.ocop.dossier.localities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import vn.ocop.dossier.localities.domain.Localities;

@Configuration(proxyBeanMethods = false)
class LocalityConfiguration {

    @Bean
    Localities localities(@Value("${ocop.dossier.localities-file:classpath:localities/an-giang.psv}") Resource file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return Localities.parse(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
        }
    }
}
