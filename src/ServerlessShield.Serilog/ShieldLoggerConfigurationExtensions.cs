using Serilog.Configuration;
using ServerlessShield;
using ServerlessShield.Serilog.Enrichers;
using ServerlessShield.Serilog.Policies;

namespace Serilog;

/// <summary>One-line Serilog integration for ServerlessShield.</summary>
public static class ShieldLoggerConfigurationExtensions
{
    /// <summary>Adds the current shielded invocation's correlation id, function, platform, source, ids and cold-start flag to every log event.</summary>
    /// <param name="enrichment">The enrichment configuration.</param>
    /// <returns>The logger configuration.</returns>
    public static LoggerConfiguration WithServerlessShield(this LoggerEnrichmentConfiguration enrichment)
    {
        ArgumentNullException.ThrowIfNull(enrichment);
        return enrichment.With(new ShieldContextEnricher());
    }

    /// <summary>Scrubs secrets (connection-string keys, tokens, AWS keys, card numbers...) from every string property of every log event.</summary>
    /// <param name="enrichment">The enrichment configuration.</param>
    /// <returns>The logger configuration.</returns>
    public static LoggerConfiguration WithSecretScrubbing(this LoggerEnrichmentConfiguration enrichment) =>
        enrichment.WithSecretScrubbing(SecretScrubber.Default);

    /// <summary>Scrubs secrets from every string property of every log event, with a scrubber that knows the application's own secrets.</summary>
    /// <param name="enrichment">The enrichment configuration.</param>
    /// <param name="scrubber">The scrubber.</param>
    /// <returns>The logger configuration.</returns>
    public static LoggerConfiguration WithSecretScrubbing(this LoggerEnrichmentConfiguration enrichment, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(enrichment);
        ArgumentNullException.ThrowIfNull(scrubber);
        return enrichment.With(new SecretScrubbingEnricher(scrubber));
    }

    /// <summary>Destructures exceptions, URIs and connection-string builders into text with secrets scrubbed.</summary>
    /// <param name="destructuring">The destructuring configuration.</param>
    /// <returns>The logger configuration.</returns>
    public static LoggerConfiguration WithSecretScrubbing(this LoggerDestructuringConfiguration destructuring) =>
        destructuring.WithSecretScrubbing(SecretScrubber.Default);

    /// <summary>Destructures exceptions, URIs and connection-string builders into text with secrets scrubbed by the given scrubber.</summary>
    /// <param name="destructuring">The destructuring configuration.</param>
    /// <param name="scrubber">The scrubber.</param>
    /// <returns>The logger configuration.</returns>
    public static LoggerConfiguration WithSecretScrubbing(this LoggerDestructuringConfiguration destructuring, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(destructuring);
        ArgumentNullException.ThrowIfNull(scrubber);
        return destructuring.With(new SecretScrubbingDestructuringPolicy(scrubber));
    }
}
