package dev.certsd.cli;

import dev.certsd.certs.KeySpec;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --key TYPE} of the commands that make a key pair. */
final class KeyTypeOption {
    @Option(names = "--key", paramLabel = "TYPE", defaultValue = "rsa4096", descriptionKey = "option.keyType")
    String key;

    /** The key type named, or a usage error listing the types there are. */
    KeySpec keySpec(CommandLine.Model.CommandSpec spec) {
        return KeySpec.fromId(key).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                String.format(RootOptions.text().getString("genClient.error.key"), key,
                        Arrays.stream(KeySpec.values()).map(KeySpec::id).collect(Collectors.joining(", ")))));
    }
}
