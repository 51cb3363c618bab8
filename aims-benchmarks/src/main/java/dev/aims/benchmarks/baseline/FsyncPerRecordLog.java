package dev.aims.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.aims.benchmarks.sample.DecisionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The plain durable baseline: each decision serialised by Jackson, written as one JSON line, and
 * fsynced before {@link #append} returns.
 *
 * <p>This is the cost the evidence log's durable mode is compared with: the same guarantee (the
 * call returns once the record is on disk) paid with one fsync per record instead of one per group
 * of concurrent records. Callers are serialised, so with many threads it is still one fsync per
 * record.
 */
public final class FsyncPerRecordLog implements RecordSink {
  private final ObjectWriter writer = BaselineJson.writer();
  private final FileChannel channel;

  /**
   * Creates (or truncates) the file.
   *
   * @throws UncheckedIOException when the file cannot be created
   */
  public FsyncPerRecordLog(Path file) {
    try {
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create file " + file, e);
    }
  }

  @Override
  public synchronized void append(DecisionEvent event) {
    byte[] json;
    try {
      json = writer.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise decision " + event, e);
    }
    ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
    try {
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write or fsync the record", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the file", e);
    }
  }
}
