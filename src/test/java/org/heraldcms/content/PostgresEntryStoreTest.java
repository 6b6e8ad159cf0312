package org.heraldcms.content;

import java.nio.file.Path;

import org.heraldcms.support.RunningHerald;
import org.heraldcms.support.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

class PostgresEntryStoreTest extends EntryStoreContract {

    @TempDir
    static Path dataDir; // static: one folder for the class, kept until the server stops after the last test
    private String schema;

    @Override
    protected RunningHerald start() throws Exception {
        TestServices.assumePostgres();
        schema = TestServices.createPostgresSchema();
        return RunningHerald.offline(dataDir, "--spring.datasource.url=" + TestServices.postgresUrl(schema),
                "--spring.datasource.username=" + TestServices.POSTGRES_USER);
    }

    @AfterAll
    void dropSchema() throws Exception {
        stop();
        herald = null;
        TestServices.dropPostgresSchema(schema);
    }
}
