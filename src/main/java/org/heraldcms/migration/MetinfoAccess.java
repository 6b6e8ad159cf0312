package org.heraldcms.migration;

import static org.heraldcms.migration.MetinfoImporter.text;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heraldcms.identity.MemberGroup;
import org.heraldcms.identity.Members;
import org.heraldcms.site.SectionAccess;

/**
 * MetInfo's member-only content stays member-only. MetInfo marks a column or an item with a member
 * group ({@code access}: a {@code met_user_group} id, {@code -1} for administrators, {@code 0} for
 * everyone); a visitor sees it when their group's level ({@code met_user_group.access}) is at least
 * that group's, on the column and on each of its parents. Herald limits whole sections to one group,
 * so a limited column becomes a section limited to the Herald group of the same name, and an item
 * stricter than its column comes in as a draft. Nothing is ever opened wider than MetInfo had it: an
 * unknown group is read as "administrators only", a group no member of Herald is in.
 */
final class MetinfoAccess {

    static final String ADMINS_ONLY = "MetInfo administrators only";

    private record Group(long id, String name, int level) {
    }

    private final MetinfoImporter.Run run;
    private final Members members;
    private final SectionAccess access;
    /** MetInfo language mark → its member groups. */
    private final Map<String, List<Group>> groups = new HashMap<>();
    /** Imported column → the level a visitor needs for it and its parents (0: everyone). */
    private final Map<Long, Integer> columnLevels = new HashMap<>();
    private int members0;

    MetinfoAccess(MetinfoImporter.Run run, Members members, SectionAccess access) {
        this.run = run;
        this.members = members;
        this.access = access;
    }

    /** Reads MetInfo's member groups; a site without the table has none. */
    void load() {
        String sql = "SELECT id, name, access, lang FROM " + run.table("user_group") + " ORDER BY access, id";
        try (PreparedStatement s = run.db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                groups.computeIfAbsent(text(rs, "lang").toLowerCase(Locale.ROOT), m -> new ArrayList<>())
                        .add(new Group(rs.getLong("id"), text(rs, "name").strip(), rs.getInt("access")));
            }
        } catch (SQLException e) {
            groups.clear();
        }
        try (PreparedStatement s = run.db.prepareStatement("SELECT COUNT(*) FROM " + run.table("user"));
             ResultSet rs = s.executeQuery()) {
            members0 = rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            members0 = 0;
        }
    }

    /**
     * Limits an imported column's section as MetInfo limited the column. A section already limited in
     * Herald keeps its limit; one MetInfo leaves open is not opened by the import.
     */
    void column(long columnId, String name, String mark, String marked, Long parentColumn, long sectionId) {
        int own = level(mark, marked);
        int inherited = parentColumn == null ? 0 : columnLevels.getOrDefault(parentColumn, 0);
        columnLevels.put(columnId, Math.max(own, inherited));
        if (own == 0 || access.limits().containsKey(sectionId)) {
            return;
        }
        Group group = group(mark, marked);
        access.limit(sectionId, heraldGroup(group).id());
        List<String> higher = groups.getOrDefault(mark, List.of()).stream()
                .filter(g -> g.level() >= own && g.id() != group.id()).map(g -> "'" + g.name() + "'").toList();
        if (!higher.isEmpty()) {
            run.report.warn("column " + columnId + " ('" + name + "'): MetInfo also showed it to " + String.join(", ", higher)
                    + "; Herald limits a section to one group, '" + group.name() + "': move those members into it");
        }
    }

    /** Whether an item marked {@code marked} is stricter than the column it is in (then it comes in as a draft). */
    boolean stricterThanColumn(String mark, String marked, long columnId) {
        return level(mark, marked) > columnLevels.getOrDefault(columnId, 0);
    }

    /** The warning for an item kept back as a draft. */
    void keptBack(String where, String mark, String marked) {
        run.report.warn(where + ": member-only ('" + group(mark, marked).name() + "') in a section open to more:"
                + " imported as a draft, as Herald limits whole sections");
    }

    /** One line for MetInfo's members, who are not carried over. */
    void reportMembers() {
        if (members0 > 0) {
            run.report.warn(members0 + " MetInfo member account(s) not imported (their MD5 passwords are not carried):"
                    + " add them with 'member add --username NAME --group GROUP'");
        }
    }

    /** The level a visitor needs for content marked {@code marked}: 0 for everyone. */
    private int level(String mark, String marked) {
        long id = parse(marked);
        if (id == 0) {
            return 0;
        }
        return find(mark, id).map(Group::level).orElse(Integer.MAX_VALUE);
    }

    private Group group(String mark, String marked) {
        return find(mark, parse(marked)).orElse(new Group(-1, ADMINS_ONLY, Integer.MAX_VALUE));
    }

    private Optional<Group> find(String mark, long id) {
        return groups.getOrDefault(mark, List.of()).stream().filter(g -> g.id() == id).findFirst();
    }

    private static long parse(String marked) {
        String value = marked == null ? "" : marked.strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            long id = Long.parseLong(value);
            return id < 0 ? -1 : id;
        } catch (NumberFormatException e) {
            return -1; // not a group MetInfo would write: kept from everyone rather than shown
        }
    }

    /** The Herald member group for a MetInfo group, found by name or made once. */
    private MemberGroup heraldGroup(Group group) {
        String key = group.id() < 0 ? "admins" : String.valueOf(group.id());
        Optional<MemberGroup> mapped = run.ledgerFind("member-group", key).flatMap(m -> members.group(m.targetId()));
        if (mapped.isPresent()) {
            return mapped.get();
        }
        String name = group.name().isBlank() ? "MetInfo group " + group.id() : MetinfoImporter.shortened(group.name(), 200);
        MemberGroup made = members.groupNamed(name).orElseGet(() -> members.addGroup(name));
        run.ledgerPut("member-group", key, made.id());
        return made;
    }
}
