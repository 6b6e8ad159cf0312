package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.Members;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.Sections;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Members of the public site (admins only): groups, member accounts, and which sections a group alone may see. */
@Controller
class MembersPage {

    private final AdminView view;
    private final Members members;
    private final Sections sections;
    private final SectionAccess access;
    private final AuditLog audit;

    MembersPage(AdminView view, Members members, Sections sections, SectionAccess access, AuditLog audit) {
        this.view = view;
        this.members = members;
        this.sections = sections;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/admin/members")
    ResponseEntity<String> list(HttpServletRequest request) {
        return view.page("members", Map.of("groups", members.groups(), "members", members.all(),
                "sections", sections.all(), "limits", access.limits()), request);
    }

    @PostMapping("/admin/members/groups")
    ResponseEntity<String> addGroup(@RequestParam String name, Principal principal, HttpServletRequest request) {
        var group = members.addGroup(name);
        return done(principal, request, "member-group-add", group.id() + " " + group.name());
    }

    @PostMapping("/admin/members")
    ResponseEntity<String> add(@RequestParam String username, @RequestParam(defaultValue = "") String displayName,
                               @RequestParam long group, @RequestParam String password, Principal principal,
                               HttpServletRequest request) {
        var member = members.add(username, displayName, group, password.toCharArray());
        return done(principal, request, "member-add", member.id() + " " + member.username());
    }

    @PostMapping("/admin/members/{id}")
    ResponseEntity<String> update(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled,
                                  Principal principal, HttpServletRequest request) {
        members.find(id).orElseThrow(() -> new IllegalArgumentException("There is no member " + id));
        members.setEnabled(id, enabled);
        return done(principal, request, "member-enable", id + " " + enabled);
    }

    @PostMapping("/admin/members/{id}/delete")
    ResponseEntity<String> delete(@PathVariable long id, Principal principal, HttpServletRequest request) {
        members.find(id).orElseThrow(() -> new IllegalArgumentException("There is no member " + id));
        members.delete(id);
        return done(principal, request, "member-delete", String.valueOf(id));
    }

    @PostMapping("/admin/members/sections/{sectionId}")
    ResponseEntity<String> limit(@PathVariable long sectionId, @RequestParam(required = false) Long group,
                                 Principal principal, HttpServletRequest request) {
        if (group != null) {
            members.group(group).orElseThrow(() -> new IllegalArgumentException("There is no member group " + group));
        }
        access.limit(sectionId, group);
        return done(principal, request, "section-access", sectionId + " " + group);
    }

    private ResponseEntity<String> done(Principal principal, HttpServletRequest request, String action, String detail) {
        audit.record(view.me(principal).username(), action, detail, request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/members");
    }
}
