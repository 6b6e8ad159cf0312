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
import java.util.Objects;
import java.util.Optional;

import org.heraldcms.identity.MemberGroup;
import org.heraldcms.identity.Members;
import org.heraldcms.site.SectionAccess;

/**
 * MetInfo's member-only content stays member-only. MetInfo marks a column, an item, a download's
 * file, a parameter or a message's reply with a member group ({@code access}: a
 * {@code met_user_group} id, {@code -1} for administrators, {@code 0} for everyone); only signed-in
 * members whose group's level ({@code met_user_group.access}) is at least that group's see it, on
 * the column and on each of its parents. Herald limits whole sections to one group, so a limited
 * column becomes a section limited to the Herald group of the same name, and whatever is stricter
 * than the section it lands in is held back (an item comes in as a draft). Nothing is opened wider
 * than MetInfo had it: an unknown group reads as "administrators only", a group no member is in.
 */
final class MetinfoAccess {

    static final String ADMINS_ONLY = "MetInfo administrators only";
    private static final int ADMINS = Integer.MAX_VALUE;

    private record Group(long id, String name, int level) {
    }

    private final MetinfoImporter.Run run;
    private final Members members;
    private final SectionAccess access;
    /** MetInfo language mark → its member groups. */
    private final Map<String, List<Group>> groups = new HashMap<>();
    /** Imported column → its Herald section. */
    private final Map<Long, Long> sectionOf = new HashMap<>();
    /** Language mark and Herald section → the MetInfo level of the group it is limited to (0: everyone). */
    private final Map<String, Integer> sectionLevels = new HashMap<>();
    /** Imported column → the level MetInfo asks of a visitor for it and its parents. */
    private final Map<Long, Integer> columnLevels = new HashMap<>();
    private int metinfoMembers;

    MetinfoAccess(MetinfoImporter.Run run, Members members, SectionAccess access) {
        this.run = run;
        this.members = members;
        this.access = access;
    }

    /** Reads MetInfo's member groups; a site without the table has none (then every limit is "administrators only"). */
    void load() {
        String sql = "SELECT id, name, access, lang FROM " + run.table("user_group") + " ORDER BY access, id";
        try (PreparedStatement s = run.db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                // any group above 0 needs a signed-in member, whatever level MetInfo gave it
                groups.computeIfAbsent(text(rs, "lang").toLowerCase(Locale.ROOT), m -> new ArrayList<>())
                        .add(new Group(rs.getLong("id"), text(rs, "name").strip(), Math.max(1, rs.getInt("access"))));
            }
        } catch (SQLException e) {
            groups.clear();
            run.report.warn(run.table("user_group") + " not read (" + e.getMessage() + "): member-only columns are"
                    + " limited to '" + ADMINS_ONLY + "'");
        }
        try (PreparedStatement s = run.db.prepareStatement("SELECT COUNT(*) FROM " + run.table("user"));
             ResultSet rs = s.executeQuery()) {
            metinfoMembers = rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            metinfoMembers = 0;
        }
    }

    /**
     * Limits an imported column's section as MetInfo limits the column: to the group it names, or,
     * under a stricter parent, not at all (the parent's limit holds for it). A limit changed in
     * Herald since the last import is Herald's decision and is kept; one the import set follows
     * MetInfo. {@code merged}: the section was there before the import made it.
     */
    void column(long columnId, String name, String mark, String marked, Long parentColumn, long sectionId,
                boolean merged) {
        int own = level(mark, marked);
        int inherited = parentColumn == null ? 0 : columnLevels.getOrDefault(parentColumn, 0);
        columnLevels.put(columnId, Math.max(own, inherited));
        Group named = own > 0 && own >= inherited ? group(mark, marked) : null;
        // the Herald group is made only when the import sets it, never for a limit Herald keeps
        Long wanted = named == null ? null : existing(named).map(MemberGroup::id).orElse(-1L);
        sectionOf.put(columnId, sectionId);
        sectionLevels.clear();
        Long current = access.limits().get(sectionId);
        // what the last import set on this section (0: no limit); absent before the first import of
        // this column, or when the column's section is another one now (the old one was deleted)
        Optional<Long> lastSet = run.ledgerFind("section-limit", String.valueOf(columnId))
                .filter(m -> m.checksum().equals(String.valueOf(sectionId))).map(m -> m.targetId());
        boolean followMetinfo = lastSet.isEmpty() ? current == null
                : Objects.equals(lastSet.get() == 0 ? null : lastSet.get(), current);
        if (followMetinfo) {
            if (named != null) {
                wanted = heraldGroup(named).id();
            }
            if (!Objects.equals(wanted, current)) {
                access.limit(sectionId, wanted);
                if (wanted != null && merged) {
                    run.report.warn("column " + columnId + " ('" + name + "') went into a section that was already there:"
                            + " all of it is now for members of '" + named.name() + "' only");
                }
            }
            run.ledgerPut("section-limit", String.valueOf(columnId), wanted == null ? 0 : wanted, String.valueOf(sectionId));
            if (named != null) {
                warnHigherGroups(columnId, name, mark, named);
            }
        } else if (!Objects.equals(wanted, current)) {
            run.report.warn("column " + columnId + " ('" + name + "'): its section keeps the limit set in Herald;"
                    + " MetInfo now has it for " + (named == null ? "everyone" : "'" + named.name() + "'"));
        }
    }

    /** MetInfo shows a column to its group and every higher one; Herald to one group: name the others. */
    private void warnHigherGroups(long columnId, String name, String mark, Group named) {
        List<String> higher = groups.getOrDefault(mark, List.of()).stream()
                .filter(g -> g.level() >= named.level() && g.id() != named.id()).map(g -> "'" + g.name() + "'").toList();
        if (!higher.isEmpty()) {
            run.report.warn("column " + columnId + " ('" + name + "'): MetInfo also showed it to " + String.join(", ", higher)
                    + "; Herald limits a section to one group, '" + named.name() + "': move those members into it");
        }
    }

    /**
     * Whether content marked {@code marked} in this column asks more of a visitor than its Herald
     * section does now: its own mark or its column's (and parents'), whichever is stricter, against
     * the group the section is really limited to, whatever the bookkeeping of earlier imports says.
     */
    boolean stricterThanSection(String mark, String marked, long columnId) {
        int needed = Math.max(level(mark, marked), columnLevels.getOrDefault(columnId, 0));
        Long section = sectionOf.get(columnId);
        int given = section == null ? 0 : sectionLevels.computeIfAbsent(mark + " " + section,
                key -> access.groupOf(section).map(g -> levelOf(mark, g)).orElse(0));
        return needed > given;
    }

    /** The stricter of two marks (an item and its download's file, say). */
    String stricter(String mark, String one, String other) {
        return level(mark, other) > level(mark, one) ? other : one;
    }

    /** The warning for an item held back as a draft. */
    void keptBack(String where, String mark, String marked) {
        String who = level(mark, marked) > 0 ? " ('" + group(mark, marked).name() + "')" : "";
        run.report.warn(where + ": member-only" + who + " in a section open to more:"
                + " imported as a draft, as Herald limits whole sections");
    }

    /** One line for MetInfo's members, who are not carried over. */
    void reportMembers() {
        if (metinfoMembers > 0) {
            run.report.warn(metinfoMembers + " MetInfo member account(s) not imported (their MD5 passwords are not carried):"
                    + " add them with 'member add --username NAME --group GROUP'");
        }
    }

    /** The level a visitor needs for content marked {@code marked}: 0 for everyone. */
    private int level(String mark, String marked) {
        long id = parse(marked);
        if (id == 0) {
            return 0;
        }
        return find(mark, id).map(Group::level).orElse(ADMINS);
    }

    /** The MetInfo level a Herald member group stands for in a language: 0 for a group of Herald's own. */
    private int levelOf(String mark, long heraldGroupId) {
        if (members.group(heraldGroupId).filter(g -> g.name().equals(ADMINS_ONLY)).isPresent()) {
            return ADMINS;
        }
        return groups.getOrDefault(mark, List.of()).stream()
                .filter(g -> existing(g).filter(h -> h.id() == heraldGroupId).isPresent())
                .mapToInt(Group::level).max().orElse(0);
    }

    private Group group(String mark, String marked) {
        return find(mark, parse(marked)).orElse(new Group(-1, ADMINS_ONLY, ADMINS));
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
        MemberGroup herald = existing(group).orElseGet(() -> members.addGroup(nameOf(group)));
        run.ledgerPut("member-group", key(group), herald.id());
        return herald;
    }

    private Optional<MemberGroup> existing(Group group) {
        Optional<MemberGroup> mapped = run.ledgerFind("member-group", key(group)).flatMap(m -> members.group(m.targetId()));
        if (mapped.isPresent()) {
            return mapped;
        }
        return members.groupNamed(nameOf(group));
    }

    private static String key(Group group) {
        return group.id() < 0 ? "admins" : String.valueOf(group.id());
    }

    private static String nameOf(Group group) {
        return group.name().isBlank() ? "MetInfo group " + group.id() : MetinfoImporter.shortened(group.name(), 200);
    }
}
