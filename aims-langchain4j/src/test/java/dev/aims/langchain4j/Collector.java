package dev.aims.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;

/** A streaming handler for the tests that keeps what it was told, in order. */
class Collector implements StreamingChatResponseHandler {
  final List<String> events = new ArrayList<>();
  final StringBuilder text = new StringBuilder();
  ChatResponse complete;
  Throwable error;

  @Override
  public void onPartialResponse(String partialResponse) {
    events.add("partial");
    text.append(partialResponse);
  }

  @Override
  public void onCompleteResponse(ChatResponse response) {
    events.add("complete");
    complete = response;
  }

  @Override
  public void onError(Throwable error) {
    events.add("error");
    this.error = error;
  }
}
