package io.uconform.deploy;

import io.uconform.repl.RawRepl;
import io.uconform.repl.ReplException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * File operations on a MicroPython board through its raw REPL: push a directory (skipping files
 * whose SHA-256, computed on the board with {@code hashlib.sha256}, already matches), write, read,
 * mkdir, remove. Paths are relative to the board's working directory ({@code /} on a board).
 * The REPL must already be entered.
 */
public final class Deployer {

    static final int CHUNK = 1024;
    /** Never pushed: host-side material (plus hidden files and *.md). */
    static final java.util.Set<String> NOT_ON_DEVICE = java.util.Set.of("__pycache__", "tests", "node_modules");

    private final RawRepl repl;

    public Deployer(RawRepl repl) {
        this.repl = repl;
    }

    /** Pushes every regular file under {@code localDir} (hidden files, caches, tests and *.md excluded). */
    public PushReport push(Path localDir, String remoteDir) {
        if (!Files.isDirectory(localDir)) {
            throw new ReplException("app directory " + localDir + " does not exist");
        }
        List<String> written = new ArrayList<>();
        List<String> same = new ArrayList<>();
        long bytes = 0;
        for (Path file : files(localDir)) {
            String rel = localDir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            String remote = remoteDir.isEmpty() ? rel : remoteDir + "/" + rel;
            byte[] content = read(file);
            if (sha256(content).equals(remoteSha256(remote).orElse(""))) {
                same.add(remote);
                continue;
            }
            writeFile(remote, content);
            written.add(remote);
            bytes += content.length;
        }
        return new PushReport(written, same, bytes);
    }

    /** Writes a file, creating its parent directories. */
    public void writeFile(String remote, byte[] content) {
        int slash = remote.lastIndexOf('/');
        if (slash > 0) {
            mkdirs(remote.substring(0, slash));
        }
        repl.execOrThrow("f=open(" + PyLiteral.str(remote) + ",'wb')\nw=f.write", "opening " + remote);
        try {
            for (int i = 0; i < content.length; i += CHUNK) {
                byte[] chunk = java.util.Arrays.copyOfRange(content, i, Math.min(content.length, i + CHUNK));
                repl.execOrThrow("w(" + PyLiteral.bytes(chunk) + ")", "writing " + remote);
            }
        } finally {
            repl.execOrThrow("f.close()", "closing " + remote);
        }
    }

    /** The file's bytes (hex-encoded on the wire, so any content survives). */
    public byte[] readFile(String remote) {
        String hex = repl.execOrThrow("import binascii\nf=open(" + PyLiteral.str(remote) + ",'rb')\n"
                + "print(binascii.hexlify(f.read()).decode())\nf.close()", "reading " + remote);
        return HexFormat.of().parseHex(hex.strip());
    }

    /** SHA-256 of the board's file (lower-case hex), empty when it does not exist. */
    public Optional<String> remoteSha256(String remote) {
        String out = repl.execOrThrow("import hashlib, binascii\n"
                + "try:\n f=open(" + PyLiteral.str(remote) + ",'rb')\nexcept OSError:\n print('-')\nelse:\n"
                + " h=hashlib.sha256()\n b=bytearray(256)\n m=memoryview(b)\n"
                + " while True:\n  n=f.readinto(b)\n  if not n:\n   break\n  h.update(m[:n])\n"
                + " f.close()\n print(binascii.hexlify(h.digest()).decode())", "hashing " + remote).strip();
        return out.equals("-") ? Optional.empty() : Optional.of(out);
    }

    /** Creates a directory and its parents; existing ones are fine. */
    public void mkdirs(String remoteDir) {
        StringBuilder path = new StringBuilder();
        StringBuilder code = new StringBuilder("import os\nfor p in (");
        for (String part : remoteDir.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append(path.length() == 0 ? "" : "/").append(part);
            code.append(PyLiteral.str(path.toString())).append(',');
        }
        code.append("):\n try:\n  os.mkdir(p)\n except OSError as e:\n  if e.args[0] != 17:\n   raise");
        repl.execOrThrow(code.toString(), "creating " + remoteDir);
    }

    /** Removes a file; a missing file is an error naming it. */
    public void remove(String remote) {
        repl.execOrThrow("import os\nos.remove(" + PyLiteral.str(remote) + ")", "removing " + remote);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : dir.relativize(p)) {
                            String n = part.toString();
                            if (n.startsWith(".") || NOT_ON_DEVICE.contains(n)) {
                                return false;
                            }
                        }
                        return !p.getFileName().toString().endsWith(".md");
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
