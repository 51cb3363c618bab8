package dev.aims.cli;

import dev.aims.evidence.note.KeyFileException;
import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.witness.WitnessServer;
import dev.aims.evidence.witness.WitnessSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aims witness}: a C2SP tlog-witness that an organisation runs for its own logs or a
 * supplier's ({@code serve}), and the witness's key pair ({@code keygen}).
 */
@Command(
    name = "witness",
    mixinStandardHelpOptions = true,
    description =
        "A C2SP tlog-witness: cosigns a log's checkpoints when they extend the last one it saw.",
    subcommands = {WitnessCommand.Serve.class, WitnessCommand.Keygen.class})
final class WitnessCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code aims witness keygen --name NAME --out DIR}: a witness's cosignature/v1 key pair. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Generate an Ed25519 cosignature/v1 key pair for a witness (C2SP tlog-cosignature).",
        "Writes NAME.skey (the secret key for 'aims witness serve --key', mode 600) and NAME.vkey"
            + " (the witness's verifier key, to give to the logs and verifiers that trust it)."
      })
  static final class Keygen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "Witness name, a schema-less URL such as witness.example.com/w1.")
    String name;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Directory to write the key files into (created if missing).")
    Path out;

    @Override
    public Integer call() {
      WitnessSigner signer;
      try {
        signer = WitnessSigner.generate(name);
      } catch (NoteException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--name: " + e.getMessage());
      }
      KeyFiles.Written written;
      try {
        written = KeyFiles.write(out, name, signer.skey(), signer.verifier().vkey());
      } catch (KeyFileException e) {
        spec.commandLine()
            .getErr()
            .println("aims witness keygen: " + KeygenCommand.problem(e, out));
        return 1;
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println(
          "witness signer key   "
              + written.signerKey()
              + "  (secret: keep it with the witness, mode 600)");
      o.println("witness verifier key " + written.verifierKey());
      o.println(signer.verifier().vkey());
      return 0;
    }
  }

  /** {@code aims witness serve}: runs the witness until interrupted. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Run a witness (C2SP tlog-witness): POST /add-checkpoint cosigns a checkpoint signed by"
            + " a --log key when a consistency proof shows it extends the last one cosigned; the"
            + " latest checkpoint of each log is kept in --state, so a rollback or a fork is"
            + " refused even after a restart. Runs until interrupted (Ctrl-C)."
      })
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "SKEY",
        description = "The witness's signer key: a .skey file from 'aims witness keygen'.")
    String key;

    @Option(
        names = "--state",
        required = true,
        paramLabel = "DIR",
        description = "Directory of the witness's state (created owner-only if missing).")
    Path state;

    @Option(
        names = "--port",
        required = true,
        paramLabel = "N",
        description = "Port to listen on; 0 picks a free one (printed).")
    int port;

    @Option(
        names = "--log",
        paramLabel = "VKEY",
        description =
            "Verifier key (file or text) of a log to witness; its key name is the log's origin."
                + " Repeatable; at least one.")
    List<String> logs = new ArrayList<>();

    @Option(
        names = "--bind",
        paramLabel = "ADDR",
        description = "Address to listen on (default: ${DEFAULT-VALUE}); 0.0.0.0 for all.",
        defaultValue = "127.0.0.1")
    String bind;

    @Override
    public Integer call() {
      WitnessServer.Builder b = WitnessServer.builder().signer(signer()).stateDirectory(state);
      if (logs.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--log: a witness needs the verifier key of at least one log");
      }
      List<NoteVerifier> keys = new ArrayList<>();
      for (String l : logs) {
        NoteVerifier v = VerifyKeys.verifier(spec, "--log", l);
        keys.add(v);
        b.log(v);
      }
      try {
        b.address(InetAddress.getByName(bind));
      } catch (UnknownHostException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--bind: unknown address " + bind);
      }
      if (port < 0 || port > 65535) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--port: must be within 0..65535, was " + port);
      }
      b.port(port);
      if (Files.exists(state) && !Files.isDirectory(state)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--state: " + state + " is a file, not a directory");
      }
      WitnessServer server;
      try {
        server = b.start();
      } catch (IOException e) {
        spec.commandLine().getErr().println("aims witness serve: " + e.getMessage());
        return 1;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Thread hook = new Thread(stopped::countDown, "aims-witness-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try (server) {
        PrintWriter o = spec.commandLine().getOut();
        o.println(
            "witness "
                + server.verifier().keyName()
                + " listening on "
                + server.uri()
                + " (POST /add-checkpoint)");
        o.println("witness verifier key " + server.verifier().vkey());
        for (NoteVerifier v : keys) {
          o.println("log " + v.name() + " (key " + v.keyName() + ")");
        }
        o.flush();
        stopped.await();
      } catch (InterruptedException e) {
        // Interrupted is how an embedding thread stops the witness, as Ctrl-C does.
        Thread.currentThread().interrupt();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down: the hook has run.
        }
      }
      return 0;
    }

    private WitnessSigner signer() {
      boolean file = Files.isRegularFile(Path.of(key));
      String text = VerifyKeys.keyText(spec, "--key", key, "witness signer key");
      try {
        return WitnessSigner.parse(text);
      } catch (NoteException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--key: not a witness signer key: " + e.getMessage() + (file ? " (" + key + ")" : ""));
      }
    }
  }
}
