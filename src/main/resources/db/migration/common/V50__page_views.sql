-- Page views per entry and day (in the site's time zone), for the dashboard's chart.
-- entry.view_count keeps the total; both are written in batches, never per request.
CREATE TABLE page_view_day (
    day      VARCHAR(10) NOT NULL,
    entry_id BIGINT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    views    BIGINT NOT NULL,
    PRIMARY KEY (day, entry_id)
);
