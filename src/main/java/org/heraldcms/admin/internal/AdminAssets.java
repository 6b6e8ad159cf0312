package org.heraldcms.admin.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin's own style sheet and scripts. The admin works with plain forms; the entry editor's
 * text area becomes a TinyMCE editor (from its WebJar) when JavaScript runs.
 */
@Configuration
class AdminAssets implements WebMvcConfigurer {

    /** The WebJar's version (pom.xml, tinymce.version): 6.8 is TinyMCE's last MIT-licensed line. */
    static final String TINYMCE = "6.8.3";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/admin/assets/tinymce/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/tinymce/" + TINYMCE + "/");
        registry.addResourceHandler("/admin/assets/**").addResourceLocations("classpath:/admin/static/");
    }
}
