package org.tongban.cases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The default {@link FileStore}: {@code <data-dir>/files/ab/cd/abcd…}, written to a temporary file, forced to disk
 * and moved into place, so a crash never leaves half a file under a hash.
 */
@Component
class DataDirectoryFileStore implements FileStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    DataDirectoryFileStore(@Value("${tongban.data-dir}") String dataDir) {
        this.root = Path.of(dataDir, "files");
    }

    @Override
    public String put(byte[] bytes) {
        String sha = CaseAudit.sha256(bytes);
        Path target = path(sha);
        if (Files.exists(target)) {
            return sha;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), sha, ".part");
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("材料文件无法保存", e);
        }
        return sha;
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path p = path(sha256);
        try {
            return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException("材料文件无法读取", e);
        }
    }

    private Path path(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }
}
