package org.heraldcms.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.User;
import org.heraldcms.identity.Users;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "user", description = "Manage accounts.", subcommands = UserCommand.Add.class)
class UserCommand implements Runnable {

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Add an account; the password is read from standard input (one line).")
    static class Add implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Option(names = "--username", required = true, description = "lowercase letters, digits, '.', '_', '-'")
        String username;

        @Option(names = "--role", required = true, description = "admin, editor, author or translator")
        String role;

        @Option(names = "--display-name", description = "the name shown in the admin (default: the username)")
        String displayName;

        @Override
        public Integer call() throws IOException {
            Role wanted = Role.of(role);
            char[] password = Passwords.read();
            try (ConfigurableApplicationContext context = Contexts.offline(user.herald)) {
                User added = context.getBean(Users.class).add(username, displayName, wanted, password, Optional.empty());
                spec.commandLine().getOut().printf("added %s (%s)%n", added.username(), added.role().code());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
