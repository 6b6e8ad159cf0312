package org.heraldcms.content;

import java.nio.file.Path;

import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.io.TempDir;

class SqlitePublishedContentTest extends PublishedContentContract {

    @TempDir
    Path dataDir;

    @Override
    protected RunningHerald start() {
        return RunningHerald.offline(dataDir);
    }
}
