package org.heraldcms.platform;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's socket write buffer raised from 8 KB to 32 KB: a typical page then leaves in one
 * write. Measured on this kind of machine, it took a page served from memory from about 0.66x
 * to 0.92-0.96x the requests/s of nginx serving the same bytes from disk (DESIGN.md).
 */
@Configuration(proxyBeanMethods = false)
class WebServerTuning {

    @Bean
    TomcatConnectorCustomizer largerSocketWriteBuffer() {
        return connector -> connector.setProperty("socket.appWriteBufSize", "32768");
    }
}
