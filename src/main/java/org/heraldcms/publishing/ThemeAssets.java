package org.heraldcms.publishing;

import java.time.Duration;

import org.heraldcms.platform.HeraldProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The theme's static files under {@code /theme/}: the data folder's override first, then the
 * built-in theme. Spring's resource handling refuses paths that leave those folders.
 */
@Configuration(proxyBeanMethods = false)
class ThemeAssets implements WebMvcConfigurer {

    private final HeraldProperties properties;

    ThemeAssets(HeraldProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String override = properties.themesDir().resolve(properties.theme()).resolve("static").toAbsolutePath().toUri().toString();
        registry.addResourceHandler("/theme/**")
                .addResourceLocations(override.endsWith("/") ? override : override + "/", "classpath:/themes/default/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }
}
