/**
 * A Spring Boot web service whose every model call lands in the evidence log with no AIMS code of
 * its own: {@link dev.aims.examples.spring.ChatServiceApplication} answers {@code POST /chat}
 * through the {@code ChatClient} that Spring AI auto-configures, and the AIMS starter opens the log
 * and puts the evidence advisor on that client from {@code application.properties}.
 *
 * <p>The model is a local stand-in ({@link dev.aims.examples.spring.LocalChatModel}), so the
 * example runs without a network or an account; a real application declares its provider's starter
 * instead.
 */
package dev.aims.examples.spring;
