package org.heraldcms.admin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.heraldcms.content.Revision;

/** A line diff of two revisions, as plain-text lines marked kept, removed or added (escaped when shown). */
final class RevisionDiff {

    record Line(String kind, String text) {
    }

    private RevisionDiff() {
    }

    static List<Line> between(Revision a, Revision b) {
        return diff(lines(a), lines(b));
    }

    static List<String> lines(Revision r) {
        List<String> out = new ArrayList<>();
        out.add("title: " + r.title());
        out.add("slug: " + r.slug());
        out.add("status: " + r.status().code());
        out.add("summary: " + r.summary());
        out.add("tags: " + String.join(", ", r.tags()));
        out.add("author: " + r.author());
        out.add("source: " + r.source());
        out.add("SEO title: " + r.seoTitle());
        out.add("SEO description: " + r.seoDescription());
        out.add("published at: " + (r.publishedAt() == null ? "" : r.publishedAt()));
        out.addAll(Arrays.asList(r.body().replace("><", ">\n<").split("\n")));
        return out;
    }

    static List<Line> diff(List<String> before, List<String> after) {
        List<Line> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++) {
                out.add(new Line("same", before.get(i)));
            }
            delta.getSource().getLines().forEach(l -> out.add(new Line("removed", l)));
            delta.getTarget().getLines().forEach(l -> out.add(new Line("added", l)));
            i += delta.getSource().size();
        }
        for (; i < before.size(); i++) {
            out.add(new Line("same", before.get(i)));
        }
        return out;
    }
}
