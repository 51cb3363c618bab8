package dev.aims.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every failure and checkpoint the log reports. */
final class RecordingListener implements EvidenceListener {
  final List<EvidenceFailure> failures = new CopyOnWriteArrayList<>();
  final List<String> checkpoints = new CopyOnWriteArrayList<>();

  @Override
  public void onFailure(EvidenceFailure failure) {
    failures.add(failure);
  }

  @Override
  public void onCheckpoint(String signedNote) {
    checkpoints.add(signedNote);
  }

  /** Returns the bytes of every record reported as not stored, in report order. */
  List<byte[]> unstored() {
    List<byte[]> all = new ArrayList<>();
    failures.forEach(f -> all.addAll(f.entries()));
    return all;
  }
}
