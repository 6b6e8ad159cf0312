package org.heraldcms.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The database: an SQLite file in the data folder unless {@code spring.datasource.url} names
 * another (PostgreSQL for production and several nodes).
 */
@Configuration(proxyBeanMethods = false)
class Database {

    @Bean
    DataSource dataSource(DataSourceProperties properties, HeraldProperties herald) {
        createDataFolder(herald);
        String url = StringUtils.hasText(properties.getUrl())
                ? properties.getUrl()
                : "jdbc:sqlite:" + herald.dataDir().resolve("herald.db").toAbsolutePath();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(properties.getUsername());
        config.setPassword(properties.getPassword());
        if (url.startsWith("jdbc:sqlite:")) {
            config.setPoolName("herald-sqlite");
            config.setMaximumPoolSize(8);
            // WAL lets readers go on while one writer commits; FULL sync so a crash loses no saved entry;
            // IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of deadlocking.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "15000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setPoolName("herald-db");
            config.setMaximumPoolSize(16);
        }
        return new HikariDataSource(config);
    }

    private static void createDataFolder(HeraldProperties herald) {
        try {
            Files.createDirectories(herald.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + herald.dataDir().toAbsolutePath(), e);
        }
    }
}
