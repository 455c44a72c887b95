using Microsoft.Extensions.Logging;

namespace ServerlessShield;

/// <summary>Adds security telemetry to a shield pipeline.</summary>
public static class SecurityTelemetryPipelineBuilderExtensions
{
    /// <summary>Adds the security telemetry middleware. Put it first, so it sees every outcome.</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="loggerFactory">Where security events go.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">Telemetry settings.</param>
    /// <param name="listeners">Extra receivers of every security event.</param>
    /// <returns>The builder.</returns>
    public static ShieldPipelineBuilder AddSecurityTelemetry(
        this ShieldPipelineBuilder builder,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        ShieldTelemetryOptions? options = null,
        IEnumerable<ISecurityEventListener>? listeners = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(new SecurityTelemetryMiddleware(loggerFactory, timeProvider, options, listeners));
    }
}
