package org.heraldcms.content;

import java.util.Optional;

import org.heraldcms.content.internal.RedirectRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Old addresses and where they live now: filled by importers and by slug or section changes. */
@Service
public class Redirects {

    private final RedirectRepository repository;

    Redirects(RedirectRepository repository) {
        this.repository = repository;
    }

    public Optional<String> target(String oldPath) {
        return repository.target(oldPath);
    }

    /** Sends {@code oldPath} to {@code targetPath} with one hop, whatever pointed at {@code oldPath} before. */
    @Transactional
    public void add(String oldPath, String targetPath, String origin) {
        if (!isSitePath(oldPath) || !(isSitePath(targetPath) || targetPath.matches("(?i)https?://[^/\\\\].*"))) {
            throw new IllegalArgumentException("A redirect goes from a site path (/...) to a site path or an http(s) URL: '"
                    + oldPath + "' -> '" + targetPath + "'");
        }
        if (oldPath.equals(targetPath)) {
            return;
        }
        repository.remove(targetPath);
        repository.retarget(oldPath, targetPath);
        repository.put(oldPath, targetPath, origin);
    }

    /** Starts with one '/', not '//' or '/\\' (which browsers read as another host). */
    private static boolean isSitePath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }

    public long count() {
        return repository.count();
    }
}
