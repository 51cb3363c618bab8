/**
 * Evidence from OpenTelemetry traces: {@link dev.aims.opentelemetry.AimsSpanExporter} is a span
 * exporter that logs each generative-AI span ({@code gen_ai.operation.name} chat, text_completion,
 * generate_content, invoke_agent, create_agent or execute_tool) as an AI decision, or a failed one
 * as an availability event, through {@link dev.aims.evidence.genai.GenAiRecorder}, and passes every
 * other span by.
 *
 * <p>Services add it to their tracer provider in code, or select it with {@code
 * OTEL_TRACES_EXPORTER=aims} through the SDK's autoconfiguration ({@link
 * dev.aims.opentelemetry.AimsSpanExporterProvider}, configured by {@code OTEL_EXPORTER_AIMS_*}).
 */
package dev.aims.opentelemetry;
