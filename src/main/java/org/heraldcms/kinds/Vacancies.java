package org.heraldcms.kinds;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.heraldcms.kinds.internal.VacancyRepository;
import org.springframework.stereotype.Service;

/** Job openings: a section lists only those still open, by a query on now. */
@Service
public class Vacancies {

    private final VacancyRepository vacancies;
    private final Clock clock;

    Vacancies(VacancyRepository vacancies, Optional<Clock> clock) {
        this.vacancies = vacancies;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Optional<VacancyFields> of(long entryId) {
        return vacancies.find(entryId);
    }

    public List<KindCard<VacancyFields>> open(String language, long sectionId) {
        return vacancies.open(language, sectionId, clock.instant());
    }
}
