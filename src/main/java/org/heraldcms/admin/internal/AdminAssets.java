package org.heraldcms.admin.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The admin's own style sheet (no scripts: the admin works with plain forms). */
@Configuration
class AdminAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/admin/assets/**").addResourceLocations("classpath:/admin/static/");
    }
}
