package org.heraldcms.content;

import java.nio.file.Path;

import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.io.TempDir;

class SqlitePublishedContentTest extends PublishedContentContract {

    @TempDir
    static Path dataDir; // static: one folder for the class, kept until the server stops after the last test

    @Override
    protected RunningHerald start() {
        return RunningHerald.offline(dataDir);
    }
}
