/**
 * The scope of the AI management system (Clause 4.3) and the context it rests on: internal and
 * external issues (Clause 4.1) and interested parties with their requirements (Clause 4.2).
 *
 * <p>{@link dev.aims.core.scope.AimsScope} is one document per organisation; build it with {@code
 * AimsScope.builder()} or read it with {@link dev.aims.core.json.AimsJson#mapper()}.
 */
package dev.aims.core.scope;
