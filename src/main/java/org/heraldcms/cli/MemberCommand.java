package org.heraldcms.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.heraldcms.identity.Member;
import org.heraldcms.identity.MemberGroup;
import org.heraldcms.identity.Members;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "member", description = "Manage members of the public site (not admin accounts).",
        subcommands = {MemberCommand.Add.class, MemberCommand.AddGroup.class})
class MemberCommand implements Runnable {

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Add a member to a group; the password is read from standard input (one line).")
    static class Add implements Callable<Integer> {

        @ParentCommand
        MemberCommand member;

        @Spec
        CommandSpec spec;

        @Option(names = "--username", required = true, description = "lowercase letters, digits, '.', '_', '-'")
        String username;

        @Option(names = "--group", required = true, description = "the name of the member group")
        String group;

        @Option(names = "--display-name", description = "the name shown on the site (default: the username)")
        String displayName;

        @Override
        public Integer call() throws IOException {
            char[] password = Passwords.read();
            try (ConfigurableApplicationContext context = Contexts.offline(member.herald)) {
                Members members = context.getBean(Members.class);
                MemberGroup wanted = members.groupNamed(group).orElse(null);
                if (wanted == null) {
                    spec.commandLine().getErr().printf("There is no member group '%s'. Groups: %s%n", group,
                            members.groups().stream().map(MemberGroup::name).toList());
                    return 1;
                }
                Member added = members.add(username, displayName, wanted.id(), password);
                spec.commandLine().getOut().printf("added member %s (%s)%n", added.username(), wanted.name());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "group", description = "Add a member group.")
    static class AddGroup implements Callable<Integer> {

        @ParentCommand
        MemberCommand member;

        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true)
        String name;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.offline(member.herald)) {
                MemberGroup added = context.getBean(Members.class).addGroup(name);
                spec.commandLine().getOut().printf("added member group %s%n", added.name());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
